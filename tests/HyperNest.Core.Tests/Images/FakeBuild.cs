using HyperNest.Images;

namespace HyperNest.Tests.Images;

/// <summary>A staging directory with the files a finished build leaves (tiny stand-in contents).</summary>
internal static class FakeBuild
{
    public static string Write(ImageCache cache, ImageRecipe recipe, string hash, string disk = "dis")
    {
        var staging = cache.CreateStagingDirectory(recipe.Name, hash);
        File.WriteAllText(Path.Combine(staging, "disk.qcow2"), disk);
        File.WriteAllText(Path.Combine(staging, "vmlinuz"), "ker");
        File.WriteAllText(Path.Combine(staging, "initrd.img"), "ini");
        new ImageManifest
        {
            Name = recipe.Name,
            RecipeHash = hash,
            KernelCommandLine = recipe.KernelCommandLine,
            KernelRelease = "6.1.0-test",
            BuiltTime = DateTimeOffset.UtcNow,
        }.WriteTo(Path.Combine(staging, "image.json"));
        return staging;
    }
}
