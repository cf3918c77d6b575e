using HyperNest.Hosting;
using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class IntegrationDiskLinkTests : IDisposable
{
    private readonly TestTempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string VmDirectory => _temp.File("vm");

    private IntegrationDisk Disk(string name)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, name);
        return new IntegrationDisk(path, IsBlockDevice: false);
    }

    [Fact]
    public void Choose_FreshStart_AttachesTheOfferedDiskAndLinksIt()
    {
        var offered = Disk("tools-1.img");

        Assert.Equal(offered, IntegrationDiskLink.Choose(VmDirectory, offered, restoring: false));
        Assert.Equal(offered.Path, new FileInfo(Path.Combine(VmDirectory, "integration-disk")).LinkTarget);
    }

    [Fact]
    public void Choose_RestoreAfterHyperNestChanged_AttachesTheDiskTheVmWasSavedWith()
    {
        var saved = Disk("tools-1.img");
        IntegrationDiskLink.Choose(VmDirectory, saved, restoring: false);

        Assert.Equal(saved, IntegrationDiskLink.Choose(VmDirectory, Disk("tools-2.img"), restoring: true));
    }

    [Fact]
    public void Choose_NextFreshStart_MovesTheLinkToTheNewDisk()
    {
        IntegrationDiskLink.Choose(VmDirectory, Disk("tools-1.img"), restoring: false);
        var newer = Disk("tools-2.img");

        Assert.Equal(newer, IntegrationDiskLink.Choose(VmDirectory, newer, restoring: false));
        Assert.Equal(newer.Path, new FileInfo(Path.Combine(VmDirectory, "integration-disk")).LinkTarget);
    }

    [Fact]
    public void Choose_RestoreWhenTheSavedDiskIsGone_AttachesTheOfferedOne()
    {
        var saved = Disk("tools-1.img");
        IntegrationDiskLink.Choose(VmDirectory, saved, restoring: false);
        File.Delete(saved.Path);
        var offered = Disk("tools-2.img");

        Assert.Equal(offered, IntegrationDiskLink.Choose(VmDirectory, offered, restoring: true));
    }

    [Fact]
    public void Choose_NoDiskOffered_RemovesTheLink()
    {
        IntegrationDiskLink.Choose(VmDirectory, Disk("tools-1.img"), restoring: false);

        Assert.Null(IntegrationDiskLink.Choose(VmDirectory, null, restoring: false));
        Assert.Null(new FileInfo(Path.Combine(VmDirectory, "integration-disk")).LinkTarget);
    }
}
