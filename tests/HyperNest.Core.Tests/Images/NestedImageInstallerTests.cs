using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class NestedImageInstallerTests
{
    [Fact]
    public void TinyLandsWhereTheGuestsDefaultCacheFindsItBuilt()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(Path.Combine(temp.Path, "cache"));
        var tiny = TinyImage.CreateRecipe();
        var hash = RecipeHasher.ComputeHash(tiny);
        cache.Publish(FakeBuild.Write(cache, tiny, hash), tiny.Name, hash);
        var rootDir = Path.Combine(temp.Path, "rootfs");

        NestedImageInstaller.Install(cache, tiny, hash, rootDir);

        var guestCache = new ImageCache(rootDir + ImageCache.DefaultRoot);
        var seenByTheGuest = guestCache.Lookup(tiny);
        Assert.True(seenByTheGuest.Built);
        Assert.Equal("dis", File.ReadAllText(seenByTheGuest.DiskPath!));
    }
}
