using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>The guest images the host can build and boot (the image catalog and its cache).</summary>
public interface IImageStore
{
    /// <summary>Every image the catalog knows, built or not.</summary>
    IReadOnlyList<VmImage> List();

    /// <summary>True when the catalog has a recipe with this name.</summary>
    bool IsKnown(string name);

    /// <summary>The built image for the current recipe, or null when it is not built.</summary>
    VmImage? FindBuilt(string name);

    /// <summary>Builds the image (or returns the cached build unless <paramref name="force"/>).</summary>
    VmImage Build(string name, bool force, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a VM folder outside the home (New-VM -Path) to the folders that pruning searches for the builds
    /// VMs use, so a VM's base image is never deleted under it.
    /// </summary>
    void RegisterVmFolder(string folder);

    /// <summary>
    /// The integration disk every VM gets (HyperNest for the guest, as Hyper-V hands over its integration
    /// services), built into the cache on first use. Null, after telling <paramref name="warn"/> what the
    /// guest will miss and how to fix it, when this host has no HyperNest installed to make it from.
    /// </summary>
    IntegrationDisk? PrepareIntegrationDisk(Action<string> warn, CancellationToken cancellationToken);
}
