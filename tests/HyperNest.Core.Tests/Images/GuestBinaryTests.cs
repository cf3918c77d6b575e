using HyperNest.Hosting;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class GuestBinaryTests
{
    private static Func<string, bool> Existing(params string[] paths) => path => paths.Contains(path);

    [Fact]
    public void EnvironmentOverrideWinsOverEverything() =>
        Assert.Equal("/tmp/build/hypernest", GuestBinary.Locate(
            "/tmp/build/hypernest", "/opt/other/hypernest", Existing("/tmp/build/hypernest", "/opt/other/hypernest", GuestBinary.InstalledPath)));

    [Fact]
    public void MissingOverrideIsAnErrorInsteadOfAFallback()
    {
        var error = Assert.Throws<HostException>(() => GuestBinary.Locate("/tmp/nope/hypernest", null, Existing(GuestBinary.InstalledPath)));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains(GuestBinary.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePublishedBinaryRunningNowIsChosenBeforeTheInstalledOne() =>
        Assert.Equal("/srv/l1/hypernest", GuestBinary.Locate(null, "/srv/l1/hypernest", Existing("/srv/l1/hypernest", GuestBinary.InstalledPath)));

    [Fact]
    public void AProcessThatIsNotTheBinaryFallsBackToTheInstalledPath() =>
        Assert.Equal(GuestBinary.InstalledPath, GuestBinary.Locate("", "/usr/share/dotnet/dotnet", Existing("/usr/share/dotnet/dotnet", GuestBinary.InstalledPath)));

    [Fact]
    public void NoBinaryAnywhereTellsToPublishFirst()
    {
        var error = Assert.Throws<HostException>(() => GuestBinary.Locate(null, "/usr/share/dotnet/dotnet", Existing()));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("publish HyperNest first: ./run.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBinaryIsShippedExecutableAtTheInstalledPath()
    {
        var recipe = TinyImage.CreateRecipe(TestGuestBinary.Path);
        var shipped = Assert.Single(recipe.ExtraFiles);
        Assert.Equal("/usr/local/bin/hypernest", shipped.GuestPath);
        Assert.Equal(TestGuestBinary.Path, shipped.HostPath);
        Assert.True(shipped.Mode.HasFlag(UnixFileMode.OtherExecute));
        Assert.Contains("libstdc++6", recipe.Packages);
    }
}
