using HyperNest.Hosting;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

/// <summary>The builder's cache and lock behaviour; paths that would run mmdebstrap are not exercised here.</summary>
public sealed class ImageBuilderTests
{
    private static readonly ImageRecipe Recipe = TinyImage.CreateRecipe();

    [Fact]
    public void CachedImageIsReturnedWithoutBuilding()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        cache.Publish(FakeBuild.Write(cache, Recipe, hash), Recipe.Name, hash);

        var image = new ImageBuilder(cache).Build(Recipe);

        Assert.True(image.Built);
        Assert.Equal(cache.GetImageDirectory(Recipe.Name, hash), Path.GetDirectoryName(image.DiskPath));
    }

    [Fact]
    public async Task BuildWaitsForTheLockAndThenUsesTheImageTheOtherBuilderPublished()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        Directory.CreateDirectory(cache.ImagesDirectory);
        var otherBuilder = ImageBuildLock.TryAcquire(cache.GetLockPath(Recipe.Name, hash));
        Assert.NotNull(otherBuilder);
        var waiting = new ManualResetEventSlim();
        var progress = new InlineProgress(u => { if (u.Status.Contains("waiting", StringComparison.Ordinal)) { waiting.Set(); } });

        var build = Task.Run(() => new ImageBuilder(cache).Build(Recipe, progress));
        Assert.True(waiting.Wait(TimeSpan.FromSeconds(10)));
        Assert.False(build.IsCompleted);

        cache.Publish(FakeBuild.Write(cache, Recipe, hash), Recipe.Name, hash);
        otherBuilder.Dispose();

        var image = await build.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(image.Built);
    }

    [Fact]
    public void CancellingWhileWaitingForTheLockIsOperationStopped()
    {
        using var temp = new TempDirectory();
        var cache = new ImageCache(temp.Path);
        var hash = RecipeHasher.ComputeHash(Recipe);
        Directory.CreateDirectory(cache.ImagesDirectory);
        using var otherBuilder = ImageBuildLock.TryAcquire(cache.GetLockPath(Recipe.Name, hash));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = Assert.Throws<HostException>(() => new ImageBuilder(cache).Build(Recipe, null, cancel.Token));

        Assert.Equal(ErrorCategory.OperationStopped, error.Category);
        Assert.False(cache.Lookup(Recipe).Built);
    }

    private sealed class InlineProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
