using System.Management.Automation;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Module;

public sealed class TabCompletionTests
{
    private static List<string> Complete(PowerShellSession session, string line) =>
        session.Invoke($"(TabExpansion2 -inputScript '{line.Replace("'", "''", StringComparison.Ordinal)}' -cursorColumn {line.Length}).CompletionMatches")
            .Select(m => ((CompletionResult)m.BaseObject).CompletionText)
            .ToList();

    [Fact]
    public void StartVm_Name_CompletesExistingVmNames()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        recorder.VmNames.AddRange(["web1", "web2", "db"]);
        using var session = new PowerShellSession(host);

        Assert.Equal(["web1", "web2"], Complete(session, "Start-VM -Name we"));
    }

    [Fact]
    public void SetVmProcessor_VMName_QuotesNamesWithSpaces()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        recorder.VmNames.Add("lab host");
        using var session = new PowerShellSession(host);

        Assert.Equal(["'lab host'"], Complete(session, "Set-VMProcessor -VMName la"));
    }

    [Fact]
    public void NewVm_SwitchName_CompletesSwitches()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        recorder.Switches.Add(NetworkHostRecorder.Switch("LabNet", VmSwitchType.Internal));
        using var session = new PowerShellSession(host);

        Assert.Equal(["LabNet"], Complete(session, "New-VM -Name x -SwitchName L"));
    }
}
