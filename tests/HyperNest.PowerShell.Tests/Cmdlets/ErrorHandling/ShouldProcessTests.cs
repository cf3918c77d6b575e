using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// Every cmdlet that changes something takes -WhatIf and -Confirm as Hyper-V's do: -WhatIf changes
/// nothing, -Confirm:$false (what scripts write to skip Windows' prompt) goes ahead. With PowerShell's
/// default $ConfirmPreference (High) nothing prompts, so scripts run unattended.
/// </summary>
public sealed class ShouldProcessTests : IDisposable
{
    private readonly HostStub _host;
    private readonly PowerShellSession _session;

    public ShouldProcessTests()
    {
        var (host, stub) = KnownObjectsHost.Create();
        _host = stub;
        _session = new PowerShellSession(host);
    }

    /// <summary>The lines of the cmdlets that declare SupportsShouldProcess.</summary>
    public static TheoryData<string> Changing =>
        [.. ModuleCmdlets.All.Where(c => c.Attribute.SupportsShouldProcess).Select(c => CmdletLines.ByCommand[c.Name])];

    public void Dispose() => _session.Dispose();

    [Theory]
    [MemberData(nameof(Changing))]
    public void WhatIf_ChangingCmdlet_ChangesNothing(string line)
    {
        _session.Succeeds($"{line} -WhatIf");

        Assert.Empty(KnownObjectsHost.Changes(_host));
    }

    [Theory]
    [MemberData(nameof(Changing))]
    public void ConfirmFalse_ChangingCmdlet_Changes(string line)
    {
        _session.Succeeds($"{line} -Confirm:$false");

        Assert.NotEmpty(KnownObjectsHost.Changes(_host));
    }

    [Theory]
    [InlineData("Remove-VM")]
    [InlineData("Remove-VMSwitch")]
    [InlineData("Remove-VMNetworkAdapter")]
    [InlineData("Remove-NetIPAddress")]
    [InlineData("Remove-NetNat")]
    [InlineData("Stop-VM")]
    [InlineData("Set-VMProcessor")]
    [InlineData("Set-VMNetworkAdapter")]
    [InlineData("New-VMSwitch")]
    [InlineData("New-NetNat")]
    public void SupportsShouldProcess_CmdletScriptsCallWithConfirmFalse_Declared(string name)
    {
        Assert.True(ModuleCmdlets.All.Single(c => c.Name == name).Attribute.SupportsShouldProcess);
    }
}
