using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Help;

/// <summary>Get-Help in a runspace that imported the module, as a user's pwsh shows it.</summary>
public sealed class GetHelpTests : IDisposable
{
    private readonly PowerShellSession _session;

    public GetHelpTests()
    {
        var (host, _) = NetworkHostRecorder.Create();
        _session = new PowerShellSession(host);
    }

    [Fact]
    public void GetHelp_NewVmFull_HasSynopsisMemoryStartupBytesDescriptionAndExamples()
    {
        var synopsis = Single("(Get-Help New-VM -Full).Synopsis");
        var memory = Single("((Get-Help New-VM -Full).parameters.parameter | Where-Object name -eq 'MemoryStartupBytes').description.Text -join ' '");
        var firstExample = Single("@((Get-Help New-VM -Full).examples.example)[0].code");
        var text = _session.InvokeText("Get-Help New-VM -Full");

        Assert.StartsWith("Creates a new virtual machine", synopsis, StringComparison.Ordinal);
        Assert.Contains("memory, in bytes", memory, StringComparison.Ordinal);
        Assert.Contains("New-VM -Name", firstExample, StringComparison.Ordinal);
        Assert.Contains("-MemoryStartupBytes <Int64>", text, StringComparison.Ordinal);
        Assert.Contains("Default value                512 MB", text, StringComparison.Ordinal);
        Assert.Contains("Example 1:", text, StringComparison.Ordinal);
        Assert.Contains("New-VM [[-Name] <String>] [[-MemoryStartupBytes] <Int64>]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHelp_InvokeCommandProxy_DescribesPowerShellDirect()
    {
        var synopsis = Single("(Get-Help HyperNest\\Invoke-Command -Full).Synopsis");
        var description = Single("(Get-Help HyperNest\\Invoke-Command -Full).description.Text -join ' '");
        var examples = Single("(Get-Help HyperNest\\Invoke-Command -Full).examples.example.code -join \"`n\"");
        var vm = Single("((Get-Help HyperNest\\Invoke-Command -Full).parameters.parameter | Where-Object name -eq 'VM').description.Text -join ' '");

        Assert.StartsWith("Runs commands in virtual machines over PowerShell Direct with -VMName, -VMId or -VM", synopsis, StringComparison.Ordinal);
        Assert.Contains("PSComputerName", description, StringComparison.Ordinal);
        Assert.Contains("$using:", description, StringComparison.Ordinal);
        Assert.Contains("Invoke-Command -VMName L1 -ScriptBlock", examples, StringComparison.Ordinal);
        Assert.Contains("as objects from Get-VM", vm, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHelp_SetVmNetworkAdapter_ShowsTheAcceptedValuesInTheSyntax()
    {
        var text = _session.InvokeText("Get-Help Set-VMNetworkAdapter");

        Assert.Contains("[-MacAddressSpoofing {On | Off}]", text, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();

    private string Single(string script) => _session.Invoke(script).Select(o => o.BaseObject?.ToString() ?? "").Single();
}
