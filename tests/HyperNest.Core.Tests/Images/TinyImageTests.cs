using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class TinyImageTests
{
    [Fact]
    public void CreateRecipe_AnyHyperNestBuildInstalled_HashStaysTheSame()
    {
        using var temp = new TempDirectory();
        var folder = PublishedFolder.Create(temp.Path);
        var saved = Environment.GetEnvironmentVariable(IntegrationSource.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(IntegrationSource.EnvironmentVariable, folder);
            var tiny = RecipeHasher.ComputeHash(TinyImage.CreateRecipe());
            var host = RecipeHasher.ComputeHash(HostImage.CreateRecipe());

            File.WriteAllText(Path.Combine(folder, "hypernest.dll"), "a rebuilt HyperNest");
            Environment.SetEnvironmentVariable(IntegrationSource.EnvironmentVariable, PublishedFolder.Create(temp.Path, "elsewhere"));

            Assert.Equal(tiny, RecipeHasher.ComputeHash(TinyImage.CreateRecipe()));
            Assert.Equal(host, RecipeHasher.ComputeHash(HostImage.CreateRecipe()));
        }
        finally
        {
            Environment.SetEnvironmentVariable(IntegrationSource.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void CreateRecipe_Tiny_LinksTheHyperNestCommandIntoTheMountedDisk()
    {
        var recipe = TinyImage.CreateRecipe();

        var link = Assert.Single(recipe.GuestLinks, l => l.GuestPath == "/usr/local/bin/hypernest");
        Assert.Equal("/usr/local/lib/hypernest/hypernest", link.Target);
        Assert.Contains(recipe.GuestFiles, f => f.GuestPath == "/etc/hypernest/mount-integration-disk" && f.Mode.HasFlag(UnixFileMode.UserExecute));
        Assert.Contains("libstdc++6", recipe.Packages);
        Assert.Contains("libssl3", recipe.Packages);
    }

    [Fact]
    public void MountIntegrationDisk_Script_MountsTheDiskWithTheSerialReadOnlyAtTheInstallFolder()
    {
        var script = TinyGuestScripts.MountIntegrationDisk;

        Assert.Contains("for serial in /sys/block/vd*/serial; do", script, StringComparison.Ordinal);
        Assert.Contains("[ \"$(cat \"$serial\" 2>/dev/null)\" = \"hypernest-tools\" ] || continue", script, StringComparison.Ordinal);
        Assert.Contains("mount -t ext4 -o ro \"$device\" /usr/local/lib/hypernest", script, StringComparison.Ordinal);
        Assert.StartsWith("#!/bin/busybox sh\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiny")]
    [InlineData("host")]
    public void SystemInit_BothImages_MountTheDiskBeforeAnythingRunsHyperNest(string image)
    {
        var recipe = image == "tiny" ? TinyImage.CreateRecipe() : HostImage.CreateRecipe();
        var sysinit = Assert.Single(recipe.GuestFiles, f => f.GuestPath == "/etc/hypernest/rc.sysinit").Content;

        var mount = sysinit.IndexOf("\n/etc/hypernest/mount-integration-disk\n", StringComparison.Ordinal);
        Assert.True(mount > sysinit.IndexOf("mount -o remount,rw /", StringComparison.Ordinal), "the mount point is created on a writable root");
        Assert.True(mount < sysinit.IndexOf("hypernest -RestoreNetwork", StringComparison.Ordinal), "the restore hook runs hypernest from the disk");
    }

    [Fact]
    public void RestoreNetworkHook_NoIntegrationDisk_SkipsHyperNest() =>
        Assert.Contains("[ -x /usr/local/bin/hypernest ]", TinyGuestScripts.RestoreNetworkHook, StringComparison.Ordinal);
}
