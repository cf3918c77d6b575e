namespace HyperNest.Images;

/// <summary>Copies built images into a guest root at the place the guest's own HyperNest looks them up.</summary>
internal static class NestedImageInstaller
{
    /// <summary>The guest's image directory: HyperNest in the guest runs without HYPERNEST_CACHE.</summary>
    public static readonly string GuestImagesDirectory = ImageCache.DefaultRoot + "/images";

    public static void Install(ImageCache cache, ImageRecipe nested, string recipeHash, string rootDir)
    {
        var source = cache.GetImageDirectory(nested.Name, recipeHash);
        var target = GuestPath.Resolve(rootDir, $"{GuestImagesDirectory}/{ImageLayout.DirectoryName(nested.Name, recipeHash)}");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
