using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class HostImageTests
{
    [Fact]
    public void HostNestsTheSameTinyRecipeItsOwnHyperNestWouldLookUp()
    {
        var host = HostImage.CreateRecipe();

        var nested = Assert.Single(host.NestedImages);
        Assert.Equal(RecipeHasher.ComputeHash(TinyImage.CreateRecipe()), RecipeHasher.ComputeHash(nested));
    }

    [Fact]
    public void ComputeHash_HostWithOtherNestedTiny_Changes()
    {
        var baseline = RecipeHasher.ComputeHash(HostImage.CreateRecipe());
        var otherTiny = HostImage.CreateRecipe() with { NestedImages = [TinyImage.CreateRecipe() with { VersionSalt = "other" }] };

        Assert.NotEqual(baseline, RecipeHasher.ComputeHash(otherTiny));
    }

    [Fact]
    public void HostCarriesQemuLoadsTheHypervisorAndLeavesRoomForNestedDisks()
    {
        var host = HostImage.CreateRecipe();

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
        var catalog = new ImageCatalog(new ImageCache(temp.Path));
        Assert.Equal(["host", "tiny"], catalog.Names);
        Assert.False(catalog.GetImage("HOST").Built);
    }
}
