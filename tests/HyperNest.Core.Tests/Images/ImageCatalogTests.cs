using HyperNest.Hosting;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class ImageCatalogTests
{
    [Fact]
    public void ListsTinyAsNotBuiltInAnEmptyCache()
    {
        using var temp = new TempDirectory();
        var images = new ImageCatalog(new ImageCache(temp.Path)).GetImages();

        var tiny = Assert.Single(images, i => i.Name == "tiny");
        Assert.False(tiny.Built);
        Assert.NotEmpty(tiny.Description);
    }

    [Fact]
    public void NamesAreCaseInsensitive()
    {
        using var temp = new TempDirectory();
        Assert.Equal("tiny", new ImageCatalog(new ImageCache(temp.Path)).GetRecipe("TINY").Name);
    }

    [Fact]
    public void UnknownImageIsObjectNotFound()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<HostException>(() => new ImageCatalog(new ImageCache(temp.Path)).GetRecipe("nope"));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("tiny", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TinyRecipeBootsTheGuestContract()
    {
        var recipe = TinyImage.CreateRecipe();
        Assert.Contains("console=ttyS0", recipe.KernelCommandLine, StringComparison.Ordinal);
        Assert.Contains("root=/dev/vda", recipe.KernelCommandLine, StringComparison.Ordinal);
        Assert.Contains("/dev/virtio-ports/" + GuestContract.AgentPortName, TinyGuestScripts.GuestAgent, StringComparison.Ordinal);
        Assert.Contains("echo \"" + GuestContract.AgentStartingLine + "\"", TinyGuestScripts.GuestAgent, StringComparison.Ordinal);
        Assert.Contains("root=" + GuestContract.RootDevice, recipe.KernelCommandLine, StringComparison.Ordinal);
        Assert.Contains("console=" + GuestContract.ConsoleDevice, recipe.KernelCommandLine, StringComparison.Ordinal);
        Assert.Contains(recipe.GuestFiles, f => f.GuestPath == "/sbin/shutdown");
        Assert.Contains(recipe.GuestLinks, l => l.GuestPath == "/sbin/init");
    }
}
