namespace HyperNest.IntegrationTests.Network;

/// <summary>A Private switch: its VMs reach each other; the host has no presence on it, even when someone gives its bridge an address by hand.</summary>
[Collection(GuestCollection.Name)]
public sealed class PrivateSwitchTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void TwoVmsReachEachOther_TheHostReachesNeither()
    {
        var lab = IsolatedHost.UniqueName("Priv");
        var a = IsolatedHost.UniqueName("pa");
        var b = IsolatedHost.UniqueName("pb");
        try
        {
            _lab.Run($"New-VMSwitch -Name {lab} -SwitchType Private | Out-Null");
            _lab.Run($"New-VM -Name {a} -Image tiny -SwitchName {lab} | Out-Null; New-VM -Name {b} -Image tiny -SwitchName {lab} | Out-Null");
            _lab.Run($"Start-VM {a}; Start-VM {b}; Wait-VM {a} -For Heartbeat -Timeout 300 | Out-Null; Wait-VM {b} -For Heartbeat -Timeout 300 | Out-Null");
            _lab.Run($"Invoke-Command -VMName {a} -ScriptBlock {{ Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.9.0.1 -PrefixLength 24 | Out-Null }}");
            _lab.Run($"Invoke-Command -VMName {b} -ScriptBlock {{ Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.9.0.2 -PrefixLength 24 | Out-Null }}");

            Assert.Contains("True", _lab.Run($"Invoke-Command -VMName {a} -ScriptBlock {{ Test-Connection 10.9.0.2 -Count 3 -Quiet }}"));
            Assert.Contains("10.9.0.2", _lab.Host.GetVmNetworkAdapters(b).Single().IPAddresses);

            var bridge = _lab.Host.GetVmSwitch(lab).BridgeName;
            Assert.DoesNotContain(_lab.Host.GetNetAdapters(), adapter => adapter.LinuxName == bridge);
            // An address put on the bridge by hand (outside HyperNest) still gives the host no way in or out.
            Shell("ip", "addr", "add", "10.9.0.100/24", "dev", bridge);
            using var ping = new System.Net.NetworkInformation.Ping();
            Assert.NotEqual(System.Net.NetworkInformation.IPStatus.Success, ping.Send("10.9.0.1", 2000).Status);
            Assert.NotEqual(System.Net.NetworkInformation.IPStatus.Success, ping.Send("10.9.0.2", 2000).Status);
            Assert.Contains("False", _lab.Run($"Invoke-Command -VMName {b} -ScriptBlock {{ Test-Connection 10.9.0.100 -Count 2 -Quiet }}"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private static int Shell(string program, params string[] arguments) =>
        HyperNest.Processes.ExternalProcess.Run(program, arguments, TimeSpan.FromSeconds(30)).ExitCode;
}
