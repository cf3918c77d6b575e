namespace HyperNest.Model;

/// <summary>What Get-VMImage returns: a built guest image in the cache.</summary>
public sealed record VmImage
{
    public required string Name { get; init; }

    public required string RecipeHash { get; init; }

    public required bool Built { get; init; }

    public string? DiskPath { get; init; }

    public string? KernelPath { get; init; }

    public string? InitrdPath { get; init; }

    /// <summary>
    /// The same kernel as <see cref="KernelPath"/>, uncompressed, as an ELF with a PVH entry point:
    /// pass it to -kernel instead when the firmware is SeaBIOS (boots ~3 s faster under TCG). OVMF
    /// cannot load it; use KernelPath there. Null when the guest kernel has no PVH support.
    /// </summary>
    public string? PvhKernelPath { get; init; }

    public string? KernelCommandLine { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset? BuiltTime { get; init; }

    public string Description { get; init; } = "";
}
