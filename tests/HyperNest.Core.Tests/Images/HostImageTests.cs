using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class HostImageTests
{
    [Fact]
    public void TinyRecipeHashChangesWhenTheShippedBinaryChanges()
    {
        using var temp = new TempDirectory();
        var binary = Path.Combine(temp.Path, "hypernest");
        File.WriteAllText(binary, "build 1");
        var first = RecipeHasher.ComputeHash(TinyImage.CreateRecipe(binary));

        File.WriteAllText(binary, "build 2, rebuilt");

        Assert.NotEqual(first, RecipeHasher.ComputeHash(TinyImage.CreateRecipe(binary)));
    }

    [Fact]
    public void HostNestsTheSameTinyRecipeItsOwnHyperNestWouldLookUp()
    {
        var host = HostImage.CreateRecipe(TestGuestBinary.Path);

        var nested = Assert.Single(host.NestedImages);
        Assert.Equal(RecipeHasher.ComputeHash(TinyImage.CreateRecipe(TestGuestBinary.Path)), RecipeHasher.ComputeHash(nested));
        Assert.Contains(host.ExtraFiles, f => f.GuestPath == GuestBinary.GuestPath);
    }

    [Fact]
    public void HostHashFollowsTheTinyImageAndTheBinaryButNotWhereTheBinaryLies()
    {
        using var temp = new TempDirectory();
        var here = Path.Combine(temp.Path, "a", "hypernest");
        var there = Path.Combine(temp.Path, "b", "hypernest");
        Directory.CreateDirectory(Path.GetDirectoryName(here)!);
        Directory.CreateDirectory(Path.GetDirectoryName(there)!);
        File.WriteAllText(here, "build 1");
        File.WriteAllText(there, "build 1");
        var baseline = RecipeHasher.ComputeHash(HostImage.CreateRecipe(here));

        Assert.Equal(baseline, RecipeHasher.ComputeHash(HostImage.CreateRecipe(there)));
        var otherTiny = HostImage.CreateRecipe(here) with { NestedImages = [TinyImage.CreateRecipe(here) with { VersionSalt = "other" }] };
        Assert.NotEqual(baseline, RecipeHasher.ComputeHash(otherTiny));
        File.WriteAllText(here, "build 2, rebuilt");
        Assert.NotEqual(baseline, RecipeHasher.ComputeHash(HostImage.CreateRecipe(here)));
    }

    [Fact]
    public void HostCarriesQemuLoadsTheHypervisorAndLeavesRoomForNestedDisks()
    {
        var host = HostImage.CreateRecipe(TestGuestBinary.Path);

        Assert.Contains("qemu-system-x86", host.Packages);
        Assert.Contains("qemu-utils", host.Packages);
        Assert.Contains("qemu-guest-agent", host.Packages);
        Assert.True(host.FreeSpaceBytes >= 1536L * 1024 * 1024);
        var sysinit = Assert.Single(host.GuestFiles, f => f.GuestPath == "/etc/hypernest/rc.sysinit");
        // rc.host loads the bridge and nftables modules; the network restore hook comes after it, last.
        Assert.EndsWith("/etc/hypernest/rc.host\n" + TinyGuestScripts.RestoreNetworkHook, sysinit.Content, StringComparison.Ordinal);
        Assert.Contains("hypernest -RestoreNetwork </dev/null 2>&1 | tee /var/log/hypernest-restore-network.log &", TinyGuestScripts.RestoreNetworkHook, StringComparison.Ordinal);
        Assert.Contains("iperf3", host.Packages);
        Assert.Contains("iproute2", host.Packages);
        var rcHost = Assert.Single(host.GuestFiles, f => f.GuestPath == "/etc/hypernest/rc.host");
        Assert.DoesNotMatch("for module in [^;]*br_netfilter", rcHost.Content);
        Assert.Contains("modprobe -q kvm_amd", rcHost.Content, StringComparison.Ordinal);
        Assert.Contains("modprobe -q kvm_intel", rcHost.Content, StringComparison.Ordinal);
        Assert.Single(host.GuestFiles, f => f.GuestPath == "/etc/hostname");
    }

    [Fact]
    public void CatalogListsHost()
    {
        using var temp = new TempDirectory();
        var catalog = new ImageCatalog(new ImageCache(temp.Path), () => TestGuestBinary.Path);
        Assert.Equal(["host", "tiny"], catalog.Names);
        Assert.False(catalog.GetImage("HOST").Built);
    }
}
