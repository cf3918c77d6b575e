using System.Diagnostics;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class Qcow2BackingFileTests
{
    [Fact]
    public void Read_OverlayWithAbsoluteBackingFile_ReturnsIt()
    {
        using var temp = new TempDirectory();
        var overlay = Path.Combine(temp.Path, "disk.qcow2");
        TestQcow2.WriteOverlay(overlay, "/var/cache/hypernest/images/tiny-0123456789ab/disk.qcow2");

        Assert.Equal("/var/cache/hypernest/images/tiny-0123456789ab/disk.qcow2", Qcow2BackingFile.Read(overlay));
    }

    [Fact]
    public void Read_OverlayWithRelativeBackingFile_ResolvesBesideTheOverlay()
    {
        using var temp = new TempDirectory();
        var overlay = Path.Combine(temp.Path, "vms", "disk.qcow2");
        TestQcow2.WriteOverlay(overlay, "../base/disk.qcow2");

        Assert.Equal(Path.Combine(temp.Path, "base", "disk.qcow2"), Qcow2BackingFile.Read(overlay));
    }

    [Fact]
    public void Read_NotQcow2OrGone_IsNull()
    {
        using var temp = new TempDirectory();
        var raw = Path.Combine(temp.Path, "OVMF_VARS.fd");
        File.WriteAllBytes(raw, new byte[4096]);

        Assert.Null(Qcow2BackingFile.Read(raw));
        Assert.Null(Qcow2BackingFile.Read(Path.Combine(temp.Path, "missing.qcow2")));
    }

    /// <summary>The header layout above is ours; this checks it against what qemu-img really writes.</summary>
    [Fact]
    public void Read_OverlayMadeByQemuImg_ReturnsItsBackingFile()
    {
        using var temp = new TempDirectory();
        var backing = Path.Combine(temp.Path, "base.qcow2");
        var overlay = Path.Combine(temp.Path, "overlay.qcow2");
        QemuImg("create", "-q", "-f", "qcow2", backing, "1M");
        QemuImg("create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", backing, overlay);

        Assert.Equal(backing, Qcow2BackingFile.Read(overlay));
        Assert.Null(Qcow2BackingFile.Read(backing));
    }

    private static void QemuImg(params string[] arguments)
    {
        using var process = Process.Start("qemu-img", arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
