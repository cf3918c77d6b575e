using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class ImagePrunerTests : IDisposable
{
    private static readonly string Old = new('a', 64);
    private static readonly string Older = new('b', 64);
    private static readonly string Current = new('c', 64);
    private static readonly ImageRecipe Tiny = TinyImage.CreateRecipe();

    private readonly TempDirectory _temp = new();
    private readonly ImageCache _cache;
    private readonly string _vmRoot;

    public ImagePrunerTests()
    {
        _cache = new ImageCache(Path.Combine(_temp.Path, "cache"));
        _vmRoot = Path.Combine(_temp.Path, "home", "vms");
        Directory.CreateDirectory(_vmRoot);
        new ImageReferences(_cache).RegisterVmFolder(_vmRoot);
        foreach (var hash in new[] { Old, Older, Current })
        {
            _cache.Publish(FakeBuild.Write(_cache, Tiny, hash), Tiny.Name, hash);
        }
    }

    public void Dispose() => _temp.Dispose();

    private string Build(string hash) => _cache.GetImageDirectory(Tiny.Name, hash);

    [Fact]
    public void Prune_OlderBuildUnderAVmOverlay_KeepsItAndDeletesTheUnused()
    {
        TestQcow2.WriteOverlay(Path.Combine(_vmRoot, Guid.NewGuid().ToString(), "disk.qcow2"), Path.Combine(Build(Old), ImageLayout.DiskFile));

        var deleted = ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.Equal([Build(Older)], deleted);
        Assert.True(Directory.Exists(Build(Old)));
        Assert.True(Directory.Exists(Build(Current)));
        Assert.False(Directory.Exists(Build(Older)));
    }

    [Fact]
    public void Prune_OverlayOfAnOverlay_KeepsTheBuildAtTheEndOfTheChain()
    {
        var outside = Path.Combine(_temp.Path, "elsewhere", "parent.qcow2");
        TestQcow2.WriteOverlay(outside, Path.Combine(Build(Old), ImageLayout.DiskFile));
        TestQcow2.WriteOverlay(Path.Combine(_vmRoot, Guid.NewGuid().ToString(), "disk.qcow2"), outside);

        ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.True(Directory.Exists(Build(Old)));
        Assert.False(Directory.Exists(Build(Older)));
    }

    [Fact]
    public void Prune_BuildLinkedFromAVmFolder_IsKept()
    {
        var vm = Directory.CreateDirectory(Path.Combine(_vmRoot, Guid.NewGuid().ToString())).FullName;
        File.CreateSymbolicLink(Path.Combine(vm, "integration-disk"), Path.Combine(Build(Older), ImageLayout.DiskFile));

        ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.True(Directory.Exists(Build(Older)));
        Assert.False(Directory.Exists(Build(Old)));
    }

    [Fact]
    public void Prune_HomeRemoved_ItsOverlaysNoLongerKeepBuilds()
    {
        TestQcow2.WriteOverlay(Path.Combine(_vmRoot, Guid.NewGuid().ToString(), "disk.qcow2"), Path.Combine(Build(Old), ImageLayout.DiskFile));
        Directory.Delete(_vmRoot, recursive: true);

        var deleted = ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.Equal([Build(Old), Build(Older)], deleted.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(_cache.Root, "vm-folders")));
    }

    [Fact]
    public void Prune_BuildLockedByARebuild_IsLeftAlone()
    {
        using var rebuilding = ImageBuildLock.TryAcquire(_cache.GetLockPath(Tiny.Name, Old));

        ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.True(Directory.Exists(Build(Old)));
        Assert.False(Directory.Exists(Build(Older)));
    }

    [Fact]
    public void Prune_OtherImagesAndStagingDirectories_AreUntouched()
    {
        var host = HostImage.CreateRecipe();
        _cache.Publish(FakeBuild.Write(_cache, host, Old), host.Name, Old);
        var staging = _cache.CreateStagingDirectory(Tiny.Name, Older);

        ImagePruner.Prune(_cache, Tiny.Name, Current);

        Assert.True(Directory.Exists(_cache.GetImageDirectory(host.Name, Old)));
        Assert.True(Directory.Exists(staging));
        Assert.Equal([Build(Current)], _cache.FindBuilds(Tiny.Name));
    }
}
