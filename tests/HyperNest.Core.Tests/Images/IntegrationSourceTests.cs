using HyperNest.Hosting;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class IntegrationSourceTests
{
    private static Func<string, bool> Published(params string[] folders) => folder => folders.Contains(folder);

    [Fact]
    public void Locate_EnvironmentVariableSet_WinsOverProcessAndInstalledFolder() =>
        Assert.Equal("/tmp/build/hypernest", IntegrationSource.Locate(
            "/tmp/build/hypernest", "/opt/other/hypernest", Published("/tmp/build/hypernest", "/opt/other", IntegrationSource.InstalledFolder)));

    [Fact]
    public void Locate_EnvironmentVariableNamesNoPublish_FailsInsteadOfFallingBack()
    {
        var error = Assert.Throws<HostException>(() => IntegrationSource.Locate("/tmp/nope", null, Published(IntegrationSource.InstalledFolder)));

        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains(IntegrationSource.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ProcessIsPublishedHyperNest_TakesItsFolderBeforeTheInstalledOne() =>
        Assert.Equal("/srv/l1", IntegrationSource.Locate(null, "/srv/l1/hypernest", Published("/srv/l1", IntegrationSource.InstalledFolder)));

    [Fact]
    public void Locate_ProcessIsDotnet_FallsBackToTheInstalledFolder() =>
        Assert.Equal(IntegrationSource.InstalledFolder, IntegrationSource.Locate("", "/usr/share/dotnet/dotnet", Published("/usr/share/dotnet", IntegrationSource.InstalledFolder)));

    [Fact]
    public void Locate_ProcessFolderIsNoPublish_FallsBackToTheInstalledFolder() =>
        Assert.Equal(IntegrationSource.InstalledFolder, IntegrationSource.Locate(null, "/usr/local/bin/hypernest", Published(IntegrationSource.InstalledFolder)));

    [Fact]
    public void Locate_NothingInstalled_IsNull() =>
        Assert.Null(IntegrationSource.Locate(null, "/usr/share/dotnet/dotnet", Published()));

    [Fact]
    public void IsPublishedFolder_SingleFileBuildBesideOtherCommands_IsNot()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "hypernest"), "single-file build");

        Assert.False(IntegrationSource.IsPublishedFolder(temp.Path));
        File.WriteAllText(Path.Combine(temp.Path, "hypernest.dll"), "entry assembly");
        Assert.True(IntegrationSource.IsPublishedFolder(temp.Path));
    }

    [Fact]
    public void MissingWarning_Always_SaysWhatNeedsTheDiskAndHowToInstall()
    {
        Assert.Contains("Invoke-Command", IntegrationSource.MissingWarning, StringComparison.Ordinal);
        Assert.Contains("./run.sh", IntegrationSource.MissingWarning, StringComparison.Ordinal);
        Assert.Contains(IntegrationSource.EnvironmentVariable, IntegrationSource.MissingWarning, StringComparison.Ordinal);
    }
}
