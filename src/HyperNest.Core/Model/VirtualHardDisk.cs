namespace HyperNest.Model;

/// <summary>What Get-VHD returns (Hyper-V's VirtualHardDisk fields, backed by qemu-img info).</summary>
public sealed record VirtualHardDisk
{
    public required string Path { get; init; }

    public required string VhdFormat { get; init; }

    public required string VhdType { get; init; }

    public long FileSize { get; init; }

    public long Size { get; init; }

    public string? ParentPath { get; init; }

    public bool Attached { get; init; }
}
