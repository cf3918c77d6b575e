using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class RecipeHasherTests
{
    private static ImageRecipe Recipe() => new()
    {
        Name = "t",
        Packages = ["busybox-static", "qemu-guest-agent"],
        KernelPackage = "linux-image-amd64",
        InitramfsModules = ["virtio_blk"],
        InitramfsInit = "#!/bin/busybox sh\n",
        KernelCommandLine = "console=ttyS0",
        GuestFiles = [new("/etc/inittab", "::sysinit:/x\n", UnixFileMode.UserRead)],
        VersionSalt = "1",
    };

    [Fact]
    public void SameRecipeGivesSameHash()
    {
        Assert.Equal(RecipeHasher.ComputeHash(Recipe()), RecipeHasher.ComputeHash(Recipe()));
        Assert.Matches("^[0-9a-f]{64}$", RecipeHasher.ComputeHash(Recipe()));
    }

    [Fact]
    public void TinyRecipeHashIsStableAcrossCalls() =>
        Assert.Equal(RecipeHasher.ComputeHash(TinyImage.CreateRecipe()), RecipeHasher.ComputeHash(TinyImage.CreateRecipe()));

    [Fact]
    public void EveryFieldThatShapesTheImageChangesTheHash()
    {
        var baseline = RecipeHasher.ComputeHash(Recipe());
        var variants = new[]
        {
            Recipe() with { Packages = ["busybox-static", "qemu-guest-agent", "kmod"] },
            Recipe() with { KernelPackage = "linux-image-cloud-amd64" },
            Recipe() with { InitramfsModules = ["virtio_blk", "ext4"] },
            Recipe() with { InitramfsInit = "#!/bin/busybox sh\necho hi\n" },
            Recipe() with { KernelCommandLine = "console=ttyS0 quiet" },
            Recipe() with { GuestFiles = [new("/etc/inittab", "::sysinit:/y\n", UnixFileMode.UserRead)] },
            Recipe() with { GuestFiles = [new("/etc/inittab", "::sysinit:/x\n", UnixFileMode.UserRead | UnixFileMode.UserExecute)] },
            Recipe() with { GuestLinks = [new("/sbin/init", "/bin/busybox")] },
            Recipe() with { VersionSalt = "2" },
            Recipe() with { Suite = "trixie" },
            Recipe() with { ExcludedPaths = ["/usr/share/doc/*"] },
        };
        var hashes = variants.Select(RecipeHasher.ComputeHash).Append(baseline).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void MovingTextBetweenFieldsChangesTheHash()
    {
        var a = Recipe() with { Packages = ["ab", "c"] };
        var b = Recipe() with { Packages = ["a", "bc"] };
        Assert.NotEqual(RecipeHasher.ComputeHash(a), RecipeHasher.ComputeHash(b));
    }
}
