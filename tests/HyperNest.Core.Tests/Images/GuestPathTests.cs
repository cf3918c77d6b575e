using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class GuestPathTests
{
    [Fact]
    public void AbsoluteSymlinkInsideTheGuestStaysInsideTheGuestRoot()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "run"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "var"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "var", "run"), "/run");

        Assert.Equal(Path.Combine(temp.Path, "run", "agent.pid"), GuestPath.Resolve(temp.Path, "/var/run/agent.pid"));
    }

    [Fact]
    public void RelativeSymlinkAndDotDotAreResolvedWithinTheRoot()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "usr", "sbin"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "sbin"), "usr/sbin");

        Assert.Equal(Path.Combine(temp.Path, "usr", "sbin", "shutdown"), GuestPath.Resolve(temp.Path, "/sbin/shutdown"));
        Assert.Equal(Path.Combine(temp.Path, "etc"), GuestPath.Resolve(temp.Path, "/../../etc"));
    }

    [Fact]
    public void LastComponentLinkIsNotFollowed()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "sbin"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "sbin", "init"), "/bin/busybox");

        Assert.Equal(Path.Combine(temp.Path, "sbin", "init"), GuestPath.Resolve(temp.Path, "/sbin/init"));
    }
}
