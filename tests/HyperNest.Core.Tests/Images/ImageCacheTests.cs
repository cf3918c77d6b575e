using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class ImageCacheTests
{
    private static readonly ImageRecipe Recipe = TinyImage.CreateRecipe();

    [Fact]
    public void ImageIsNotBuiltWhenItsDirectoryIsMissing()
    {
        using var temp = new TempDirectory();
        var image = new ImageCache(temp.Path).Lookup(Recipe);
        Assert.False(image.Built);
        Assert.Equal("tiny", image.Name);
        Assert.Null(image.DiskPath);
        Assert.Equal(RecipeHasher.ComputeHash(Recipe), image.RecipeHash);
    }

    [Fact]
    public void DirectoryIsNamedByImageNameAndTwelveHashDigits()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        Assert.Equal(Path.Combine(temp.Path, "images", "tiny-" + hash[..12]), cache.GetImageDirectory("tiny", hash));
    }

    [Fact]
    public void StagingDirectoryIsNotAnImageUntilPublished()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        var staging = WriteFinishedBuild(cache, hash);

        Assert.False(cache.Lookup(Recipe).Built);

        cache.Publish(staging, Recipe.Name, hash);

        var image = cache.Lookup(Recipe);
        Assert.True(image.Built);
        Assert.False(Directory.Exists(staging));
        Assert.Equal(Path.Combine(cache.GetImageDirectory("tiny", hash), "disk.qcow2"), image.DiskPath);
        Assert.Equal(Path.Combine(cache.GetImageDirectory("tiny", hash), "vmlinuz"), image.KernelPath);
        Assert.Equal(Path.Combine(cache.GetImageDirectory("tiny", hash), "initrd.img"), image.InitrdPath);
        Assert.Equal(TinyImage.KernelCommandLine, image.KernelCommandLine);
        Assert.Equal(9, image.SizeBytes);
        Assert.NotNull(image.BuiltTime);
    }

    [Fact]
    public void PublishRefusesABuildWithoutManifest()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        var staging = cache.CreateStagingDirectory(Recipe.Name, hash);
        File.WriteAllText(Path.Combine(staging, "disk.qcow2"), "partial");

        Assert.Throws<InvalidOperationException>(() => cache.Publish(staging, Recipe.Name, hash));
        Assert.False(cache.Lookup(Recipe).Built);
    }

    [Fact]
    public void PublishedDirectoryMissingAFileIsNotBuilt()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        cache.Publish(WriteFinishedBuild(cache, hash), Recipe.Name, hash);
        File.Delete(Path.Combine(cache.GetImageDirectory("tiny", hash), "initrd.img"));

        Assert.False(cache.Lookup(Recipe).Built);
    }

    [Fact]
    public void PublishReplacesAnEarlierBuild()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        cache.Publish(WriteFinishedBuild(cache, hash, disk: "old"), Recipe.Name, hash);
        cache.Publish(WriteFinishedBuild(cache, hash, disk: "new"), Recipe.Name, hash);

        Assert.Equal("new", File.ReadAllText(cache.Lookup(Recipe).DiskPath!));
        Assert.Empty(cache.FindStaleStagingDirectories(Recipe.Name, hash));
    }

    [Fact]
    public void LeftoverStagingDirectoriesAreFoundForCleanup()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        var crashed = cache.CreateStagingDirectory(Recipe.Name, hash);

        Assert.Equal([crashed], cache.FindStaleStagingDirectories(Recipe.Name, hash));
        Assert.Empty(cache.FindStaleStagingDirectories(Recipe.Name, new string('0', 64)));
    }

    [Fact]
    public void BuildLockIsExclusiveUntilReleased()
    {
        using var temp = new TempDirectory();
        var lockPath = Path.Combine(temp.Path, "tiny.lock");
        using (var first = ImageBuildLock.TryAcquire(lockPath))
        {
            Assert.NotNull(first);
            Assert.Null(ImageBuildLock.TryAcquire(lockPath));
        }

        using var again = ImageBuildLock.TryAcquire(lockPath);
        Assert.NotNull(again);
    }

    private static string WriteFinishedBuild(ImageCache cache, string hash, string disk = "dis") => FakeBuild.Write(cache, Recipe, hash, disk);
}
