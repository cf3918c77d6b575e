namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// Access VLANs on a real bridge with two tiny guests: the same VLAN reaches, different VLANs do not, and
/// bridge vlan show has the trunk's entries. Needs a kernel with bridge VLAN filtering; on one without it
/// (CONFIG_BRIDGE_VLAN_FILTERING unset, like these CI machines' kernel) the test proves the refusal instead:
/// Set-VMNetworkAdapterVlan on a running VM is refused with VlanFilteringNotAvailable and the guests keep
/// reaching each other untagged.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class VlanTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void AccessVlans_SeparateGuests_OrAreRefusedWhereTheKernelCannotFilter()
    {
        var lab = IsolatedHost.UniqueName("Vlan");
        var a = IsolatedHost.UniqueName("va");
        var b = IsolatedHost.UniqueName("vb");
        try
        {
            _lab.Run($"New-VMSwitch -Name {lab} -SwitchType Private | Out-Null");
            _lab.Run($"New-VM -Name {a} -Image tiny -SwitchName {lab} | Out-Null; New-VM -Name {b} -Image tiny -SwitchName {lab} | Out-Null");
            _lab.Run($"Start-VM {a}; Start-VM {b}; Wait-VM {a} -For Heartbeat -Timeout 300 | Out-Null; Wait-VM {b} -For Heartbeat -Timeout 300 | Out-Null");
            _lab.Run($"Invoke-Command -VMName {a} -ScriptBlock {{ Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.8.0.1 -PrefixLength 24 | Out-Null }}");
            _lab.Run($"Invoke-Command -VMName {b} -ScriptBlock {{ Get-NetAdapter Ethernet | New-NetIPAddress -IPAddress 10.8.0.2 -PrefixLength 24 | Out-Null }}");

            var access = _lab.TryRun($"Set-VMNetworkAdapterVlan -VMName {a},{b} -Access -VlanId 10");
            if (!access.Succeeded)
            {
                Assert.Contains("FullyQualifiedErrorId : VlanFilteringNotAvailable,", access.Errors);
                Assert.Matches(@"Network Adapter\s+Untagged", _lab.Run($"Get-VMNetworkAdapterVlan -VMName {a}"));
                Assert.Contains("True", Ping(a, "10.8.0.2"));
                return;
            }

            Assert.Contains("True", Ping(a, "10.8.0.2"));
            _lab.Run($"Set-VMNetworkAdapterVlan -VMName {b} -Access -VlanId 20");
            Assert.Contains("False", Ping(a, "10.8.0.2"));

            _lab.Run($"Set-VMNetworkAdapterVlan -VMName {b} -Trunk -AllowedVlanIdList '100-110,200' -NativeVlanId 10");
            var tap = _lab.Host.GetVmNetworkAdapters(b).Single().InterfaceName!;
            var shown = HyperNest.Processes.ExternalProcess.Run("bridge", ["vlan", "show", "dev", tap], TimeSpan.FromSeconds(10)).StandardOutput;
            Assert.Matches(@"10 PVID Egress Untagged", shown);
            Assert.Matches(@"\b100\b", shown);
            Assert.Matches(@"\b200\b", shown);
            Assert.Contains("True", Ping(a, "10.8.0.2"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private string Ping(string vm, string address) =>
        _lab.Run($"Invoke-Command -VMName {vm} -ScriptBlock {{ Test-Connection {address} -Count 3 -Quiet }}");
}
