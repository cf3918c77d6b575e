using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>The host API's image store: the catalog's recipes, built into the shared image cache on demand.</summary>
public sealed class CachedImageStore : IImageStore
{
    private readonly ImageCache _cache;
    private readonly ImageCatalog _catalog;
    private readonly ImageBuilder _builder;
    private readonly IntegrationDiskBuilder _integrationDisks;
    private readonly Lazy<bool> _vmFolderRegistered;

    public CachedImageStore(HostPaths paths)
    {
        var cache = new ImageCache(paths.Cache);
        _cache = cache;
        _catalog = new ImageCatalog(cache);
        _builder = new ImageBuilder(cache);
        _integrationDisks = new IntegrationDiskBuilder(cache);

        // Pruning must see this home's VMs before any of them points into the cache: once per process, at first use.
        _vmFolderRegistered = new(() =>
        {
            try
            {
                new ImageReferences(cache).RegisterVmFolder(paths.VmRoot);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A home that may not write the shared cache can still boot its builds; it just cannot build or prune.
                return false;
            }
        });
    }

    public IReadOnlyList<VmImage> List() => _catalog.GetImages();

    public bool IsKnown(string name) => _catalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    public VmImage? FindBuilt(string name)
    {
        _ = _vmFolderRegistered.Value;
        return IsKnown(name) && _catalog.GetImage(name) is { Built: true } image ? image : null;
    }

    public VmImage Build(string name, bool force, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        _ = _vmFolderRegistered.Value;
        var recipe = _catalog.GetRecipe(name);
        return force ? _builder.Rebuild(recipe, progress, cancellationToken) : _builder.Build(recipe, progress, cancellationToken);
    }

    public IntegrationDisk? PrepareIntegrationDisk(Action<string> warn, CancellationToken cancellationToken)
    {
        _ = _vmFolderRegistered.Value;
        if (IntegrationSource.Locate() is not { } folder)
        {
            warn(IntegrationSource.MissingWarning);
            return null;
        }

        // Inside a guest HyperNest runs from its own integration disk: the nested VM gets that device,
        // instead of a copy made under emulation.
        return BlockDeviceMount.FindReadOnlySource(folder) is { } device
            ? new IntegrationDisk(device, IsBlockDevice: true)
            : new IntegrationDisk(_integrationDisks.Build(folder, cancellationToken), IsBlockDevice: false);
    }

    public void RegisterVmFolder(string folder) => new ImageReferences(_cache).RegisterVmFolder(folder);
}
