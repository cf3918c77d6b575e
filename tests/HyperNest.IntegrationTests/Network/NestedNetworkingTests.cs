using System.Net;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// The documents' two networking options for nested guests, end to end under TCG: L0 has an Internal
/// switch with 10.0.0.1 (L0's side, where the test's HTTP and DNS servers listen); L1 (nested on) sits on
/// it as 10.0.0.2; inside L1 an L2 reaches L0's side through a spoofed bridge or through L1's NAT.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class NestedNetworkingTests : IDisposable
{
    private const int PayloadBytes = 1 << 20;

    private readonly IsolatedHost _lab = new();
    private readonly string _l0Switch = IsolatedHost.UniqueName("LabNet");
    private readonly string _l1 = IsolatedHost.UniqueName("L1");
    private LabServices? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _lab.Dispose();
    }

    [Fact]
    public void MacSpoofing_L2OnAnExternalSwitchInsideL1_ReachesL0OnlyOnceSpoofingIsOnForL1()
    {
        try
        {
            BootL1OnL0Switch();
            InL1("New-VMSwitch -Name Ext -NetAdapterName Ethernet | Out-Null; New-VM -Name L2 -Image tiny -SwitchName Ext | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null");
            InL2("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.3 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
            Assert.Contains("True", InL1("Test-Connection 10.0.0.1 -Count 2 -Quiet"));

            Assert.Contains("False", InL2("Test-Connection 10.0.0.1 -Count 3 -Quiet"));
            Assert.Equal("Off", _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Select-Object -ExpandProperty MacAddressSpoofing").Trim());

            _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Set-VMNetworkAdapter -MacAddressSpoofing On");

            Assert.Contains("True", InL2("Test-Connection 10.0.0.1 -Count 3 -Quiet"));
            Assert.Equal(PayloadBytes.ToString(), InL2($"Invoke-WebRequest -Uri http://10.0.0.1:{_services!.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength").Trim());
            Assert.True(_services.HttpRequests > 0);
            Assert.Equal("Running", _lab.Run($"Get-VM {_l1} | Select-Object -ExpandProperty State").Trim());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    [Fact]
    public void Nat_L2OnL1sNatSwitch_ReachesL0AndResolvesThroughL0sDnsServer()
    {
        try
        {
            BootL1OnL0Switch();
            // The documents' lines, verbatim (en dashes included).
            InL1("New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null");
            InL1("New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix \"192.168.100.0/24\" | Out-Null");
            InL1("Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
            InL1("New-VM -Name L2 -Image tiny -SwitchName VmNAT | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null");
            InL2("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
            InL2("Netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.1");

            Assert.Contains("True", InL2("Test-Connection 10.0.0.1 -Count 3 -Quiet"));
            Assert.Equal(PayloadBytes.ToString(), InL2($"Invoke-WebRequest -Uri http://10.0.0.1:{_services!.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength").Trim());
            Assert.Contains("10.0.0.1", InL2($"Resolve-DnsName -Name {LabServices.LabName} | Select-Object -ExpandProperty IPAddress"));
            Assert.True(_services.DnsQueries > 0);
            Assert.Contains("LocalNAT", InL1("Get-NetNat | Select-Object -ExpandProperty Name"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    /// <summary>L0's switch and address, the lab services on it, and L1 (nesting on) at 10.0.0.2.</summary>
    private void BootL1OnL0Switch()
    {
        _lab.Run($"New-VMSwitch -Name {_l0Switch} -SwitchType Internal | Out-Null");
        _lab.Run($"Get-NetAdapter \"vEthernet ({_l0Switch})\" | New-NetIPAddress -IPAddress 10.0.0.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
        _services = new LabServices(IPAddress.Parse("10.0.0.1"), PayloadBytes);
        _lab.Run($"New-VM -Name {_l1} -Image host -MemoryStartupBytes 2GB -SwitchName {_l0Switch} | Out-Null");
        _lab.Run($"Set-VMProcessor -VMName {_l1} -ExposeVirtualizationExtensions $true");
        _lab.Run($"Start-VM {_l1}; Wait-VM -Name {_l1} -For Heartbeat -Timeout 300 | Out-Null");
        InL1("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
    }

    private string InL1(string script) => _lab.Run($"Invoke-Command -VMName {_l1} -ScriptBlock {{ {script} }}");

    private string InL2(string script) => InL1($"Invoke-Command -VMName L2 -ScriptBlock {{ {script} }}");
}
