using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>The host API's image store: the catalog's recipes, built into the shared image cache on demand.</summary>
public sealed class CachedImageStore : IImageStore
{
    private readonly ImageCatalog _catalog;
    private readonly ImageBuilder _builder;

    public CachedImageStore(HostPaths paths)
    {
        var cache = new ImageCache(paths.Cache);
        _catalog = new ImageCatalog(cache);
        _builder = new ImageBuilder(cache);
    }

    public IReadOnlyList<VmImage> List() => _catalog.GetImages();

    public bool IsKnown(string name) => _catalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    public VmImage? FindBuilt(string name) => IsKnown(name) && _catalog.GetImage(name) is { Built: true } image ? image : null;

    public VmImage Build(string name, bool force, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var recipe = _catalog.GetRecipe(name);
        return force ? _builder.Rebuild(recipe, progress, cancellationToken) : _builder.Build(recipe, progress, cancellationToken);
    }
}
