using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>Invoke-Command -VMName -FilePath: a script on this host runs in the guest.</summary>
public sealed class InvokeCommandFilePathTests : GuestSession
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-guest-ps-").FullName;

    [Fact]
    public void InvokeCommand_FilePath_SendsTheHostFilesText()
    {
        var script = Path.Combine(_directory, "setup.ps1");
        File.WriteAllText(script, "New-VM -Name L2\nStart-VM L2\n");

        Session.Succeeds($"Invoke-Command -VMName L1 -FilePath '{script}'");

        Assert.Equal("New-VM -Name L2\nStart-VM L2\n", Assert.Single(Host.Changes).Arguments[1]);
    }

    [Fact]
    public void InvokeCommand_MissingFilePath_NotFoundErrorAndRunsNothing()
    {
        var script = Path.Combine(_directory, "missing.ps1");

        var error = Session.Fails($"Invoke-Command -VMName L1 -FilePath '{script}'");

        Assert.Equal(("FilePathNotFound", ErrorCategory.ObjectNotFound), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains(script, error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    protected override void Dispose(bool disposing)
    {
        Directory.Delete(_directory, recursive: true);
        base.Dispose(disposing);
    }
}
