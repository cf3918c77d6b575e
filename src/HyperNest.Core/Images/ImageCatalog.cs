using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>The images HyperNest knows how to build, by name, and their state in the cache.</summary>
public sealed class ImageCatalog
{
    private readonly ImageCache cache;
    private readonly Dictionary<string, Func<ImageRecipe>> recipes;

    public ImageCatalog(ImageCache cache)
    {
        this.cache = cache;
        recipes = new Dictionary<string, Func<ImageRecipe>>(StringComparer.OrdinalIgnoreCase)
        {
            [TinyImage.Name] = TinyImage.CreateRecipe,
            [HostImage.Name] = HostImage.CreateRecipe,
        };
    }

    public IReadOnlyList<string> Names => [.. recipes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The recipe for <paramref name="name"/> (case-insensitive); ObjectNotFound when unknown.</summary>
    public ImageRecipe GetRecipe(string name)
    {
        if (!recipes.TryGetValue(name, out var create))
        {
            throw new HostException(
                $"There is no image named '{name}'. Known images: {string.Join(", ", Names)}.",
                ErrorCategory.ObjectNotFound, "ImageNotFound", name);
        }

        return create();
    }

    /// <summary>Every known image, built or not.</summary>
    public IReadOnlyList<VmImage> GetImages() => [.. Names.Select(name => cache.Lookup(GetRecipe(name)))];

    public VmImage GetImage(string name) => cache.Lookup(GetRecipe(name));
}
