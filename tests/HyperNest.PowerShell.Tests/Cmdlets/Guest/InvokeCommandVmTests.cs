using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// PowerShell Direct as users type it: Invoke-Command -VMName/-VMId, which the module's Invoke-Command proxy
/// sends to Invoke-VMCommand.
/// </summary>
public sealed class InvokeCommandVmTests : GuestSession
{
    [Fact]
    public void InvokeCommand_VMNameAndScriptBlock_SendsTheBlockTextAndWritesOutputLines()
    {
        Host.Script = (_, _) => new GuestCommandResult(0, "Name State\nL2   Running\n", "");

        var output = Session.Succeeds("Invoke-Command -VMName L1 -ScriptBlock { Get-VM | ft Name,State }");

        Assert.Equal(["Name State", "L2   Running"], output);
        var call = Assert.Single(Host.Changes);
        Assert.Equal(nameof(IVirtualizationHost.InvokeCommand), call.Method);
        Assert.Equal(("L1", "Get-VM | ft Name,State"), ((string)call.Arguments[0]!, ((string)call.Arguments[1]!).Trim()));
    }

    [Fact]
    public void InvokeCommand_PositionalScriptBlock_Binds()
    {
        Session.Succeeds("Invoke-Command -VMName L1 { hostname }");

        Assert.Equal("hostname", ((string)Assert.Single(Host.Changes).Arguments[1]!).Trim());
    }

    [Fact]
    public void InvokeCommand_SeveralVms_RunsInEach()
    {
        Session.Succeeds("Invoke-Command -VMName L1,L2 -ScriptBlock { hostname }");

        Assert.Equal(["L1", "L2"], Host.Changes.Select(c => c.Arguments[0]));
    }

    [Fact]
    public void InvokeCommand_VMNamesOfGetVm_RunsInEach()
    {
        Host.Vms.AddRange([GuestHostRecorder.Vm("L1", Guid.NewGuid()), GuestHostRecorder.Vm("L2", Guid.NewGuid())]);

        Session.Succeeds("Invoke-Command -VMName (Get-VM).Name -ScriptBlock { hostname }");

        Assert.Equal(["L1", "L2"], Host.Changes.Select(c => c.Arguments[0]));
    }

    [Fact]
    public void InvokeCommand_VMId_RunsInTheVmWithThatId()
    {
        var id = Guid.NewGuid();
        Host.Vms.AddRange([GuestHostRecorder.Vm("L1", Guid.NewGuid()), GuestHostRecorder.Vm("L7", id)]);

        Session.Succeeds($"Invoke-Command -VMId {id} -ScriptBlock {{ hostname }}");

        Assert.Equal("L7", Assert.Single(Host.Changes).Arguments[0]);
    }

    [Fact]
    public void InvokeCommand_UnknownVMId_HyperVNotFoundErrorAndRunsNothing()
    {
        var id = Guid.NewGuid();

        var error = Session.Fails($"Invoke-Command -VMId {id} -ScriptBlock {{ hostname }}");

        Assert.Equal(("InvalidParameter", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains($"unable to find a virtual machine with ID {id}", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void InvokeCommand_GuestExitCode_ErrorWithTheGuestsErrorTextAfterItsOutput()
    {
        Host.Script = (_, _) => new GuestCommandResult(1, "before\n", "Get-VM : not found\n");

        var output = Session.Invoke("Invoke-Command -VMName L1 -ScriptBlock { Get-VM nope }");

        Assert.Equal(["before"], output.Select(o => o.BaseObject));
        var error = Assert.Single(Session.Errors);
        Assert.Equal(("GuestCommandFailed", ErrorCategory.FromStdErr, (object)"L1"), (error.ErrorId(), error.CategoryInfo.Category, error.TargetObject));
        Assert.Contains("exit code 1", error.Message(), StringComparison.Ordinal);
        Assert.Contains("Get-VM : not found", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeCommand_GuestWarningsOnSuccess_AreWarningsNotErrors()
    {
        Host.Script = (_, _) => new GuestCommandResult(0, "", "WARNING: 'L2' runs without hardware virtualization\n");

        Session.Succeeds("Invoke-Command -VMName L1 -ScriptBlock { Start-VM L2 }");

        Assert.Equal(["'L2' runs without hardware virtualization"], Session.Warnings);
    }

    [Fact]
    public void InvokeCommand_CredentialAsOnHyperV_AcceptedWithAWarning()
    {
        Session.Succeeds(
            "$password = ConvertTo-SecureString 'x' -AsPlainText -Force; " +
            "Invoke-Command -VMName L1 -Credential ([pscredential]::new('Administrator', $password)) -ScriptBlock { hostname }");

        Assert.Single(Host.Changes);
        Assert.Contains(Session.Warnings, w => w.StartsWith("-Credential has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void InvokeCommand_BothScriptBlockAndFilePath_AmbiguousParameterSetAndRunsNothing()
    {
        var error = Session.Fails("Invoke-Command -VMName L1 -ScriptBlock { hostname } -FilePath /tmp/x.ps1");

        Assert.Equal("AmbiguousParameterSet", error.ErrorId());
        Assert.Empty(Host.Changes);
    }
}
