using System.Runtime.Versioning;
using HyperNest.Storage;

namespace HyperNest.Core.Tests.Storage;

/// <summary>Disks qemu-img makes for HyperNest hold guests' data: owner-only, whatever the umask.</summary>
[SupportedOSPlatform("linux")]
public sealed class QemuImgDiskToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-disks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Create_NewAndDifferencingDisks_AreOwnerOnly()
    {
        var tool = new QemuImgDiskTool();
        var parent = Path.Combine(_directory, "parent.qcow2");
        var child = Path.Combine(_directory, "child.qcow2");

        tool.Create(parent, 64L << 20, backingPath: null, preallocate: false);
        tool.Create(child, 0, backingPath: parent, preallocate: false);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(parent));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(child));
        Assert.Equal(64L << 20, tool.Inspect(child).Size);
    }
}
