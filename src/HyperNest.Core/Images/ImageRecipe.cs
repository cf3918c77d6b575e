namespace HyperNest.Images;

/// <summary>
/// Everything that decides the bytes of a guest image. Two recipes with the same content build the
/// same image, so the cache is keyed by <see cref="RecipeHasher"/> over all of it.
/// </summary>
public sealed record ImageRecipe
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Debian suite mmdebstrap bootstraps from the machine's own apt sources.</summary>
    public string Suite { get; init; } = "bookworm";

    /// <summary>Debian packages installed on top of the essential set (dependencies resolved by apt).</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    /// <summary>The package that provides /boot/vmlinuz-* and /lib/modules/* (e.g. linux-image-amd64).</summary>
    public required string KernelPackage { get; init; }

    /// <summary>Kernel modules the initramfs loads (with their dependencies) before mounting the root disk.</summary>
    public required IReadOnlyList<string> InitramfsModules { get; init; }

    /// <summary>The initramfs /init script (busybox sh); it mounts the root disk and switches to it.</summary>
    public required string InitramfsInit { get; init; }

    public required string KernelCommandLine { get; init; }

    /// <summary>Files written into the root file system after the packages (init scripts, configuration).</summary>
    public IReadOnlyList<GuestTextFile> GuestFiles { get; init; } = [];

    /// <summary>Symbolic links created in the root file system after the packages.</summary>
    public IReadOnlyList<GuestLink> GuestLinks { get; init; } = [];

    /// <summary>
    /// Images built first and placed, ready to use, in the guest's own image cache
    /// (<see cref="ImageCache.DefaultRoot"/>/images/&lt;name&gt;-&lt;hash12&gt;/), so a HyperNest inside the
    /// guest finds them under the same recipe hash and never builds them. Their hashes enter this one's.
    /// </summary>
    public IReadOnlyList<ImageRecipe> NestedImages { get; init; } = [];

    /// <summary>Paths (globs understood by dpkg path-exclude) left out of the root file system to keep it small.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary>Bumped to force a rebuild when the build procedure itself changes.</summary>
    public required string VersionSalt { get; init; }

    /// <summary>Free space added to the root file system on top of its contents.</summary>
    public long FreeSpaceBytes { get; init; } = 256L * 1024 * 1024;
}
