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

    public string? KernelCommandLine { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset? BuiltTime { get; init; }

    public string Description { get; init; } = "";
}
