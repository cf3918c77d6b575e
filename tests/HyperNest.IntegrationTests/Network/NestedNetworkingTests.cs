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

    // Each Invoke-Command starts hypernest in L1 (and in L2) under emulation, so the steps of one guest
    // go in as few script blocks as the checks allow; every line is still the documents' own.
    [Fact]
    public void MacSpoofing_L2OnAnExternalSwitchInsideL1_ReachesL0OnlyOnceSpoofingIsOnForL1()
    {
        try
        {
            BootL1OnL0Switch();
            var l1 = Lines(InL1(
                $"{L1Address}; Test-Connection 10.0.0.1 -Count 2 -Quiet; " +
                "New-VMSwitch -Name Ext -NetAdapterName Ethernet | Out-Null; New-VM -Name L2 -Image tiny -SwitchName Ext | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null"));
            Assert.Equal(["True"], l1);

            var blocked = Lines(InL2("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.3 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; Test-Connection 10.0.0.1 -Count 2 -TimeoutSeconds 2 -Quiet"));
            Assert.Equal(["False"], blocked);
            Assert.Equal("Off", _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Select-Object -ExpandProperty MacAddressSpoofing").Trim());

            _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Set-VMNetworkAdapter -MacAddressSpoofing On");

            var allowed = Lines(InL2($"Test-Connection 10.0.0.1 -Count 3 -Quiet; Invoke-WebRequest -Uri http://10.0.0.1:{_services!.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength"));
            Assert.Equal(["True", PayloadBytes.ToString()], allowed);
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
            InL1(
                $"{L1Address}; " +
                "New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; " +
                "New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix \"192.168.100.0/24\" | Out-Null; " +
                "Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "New-VM -Name L2 -Image tiny -SwitchName VmNAT | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null");

            var l2 = Lines(InL2(
                "Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "Netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.1 | Out-Null; " +
                "Test-Connection 10.0.0.1 -Count 3 -Quiet; " +
                $"Invoke-WebRequest -Uri http://10.0.0.1:{_services!.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength; " +
                $"Resolve-DnsName -Name {LabServices.LabName} | Select-Object -ExpandProperty IPAddress"));

            Assert.Equal(["True", PayloadBytes.ToString(), "10.0.0.1"], l2);
            Assert.True(_services.HttpRequests > 0);
            Assert.True(_services.DnsQueries > 0);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private const string L1Address = "Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null";

    /// <summary>L0's switch and address, the lab services on it, and L1 (nesting on); L1 addresses itself in each test's first script block.</summary>
    private void BootL1OnL0Switch()
    {
        _lab.Run($"New-VMSwitch -Name {_l0Switch} -SwitchType Internal | Out-Null");
        _lab.Run($"Get-NetAdapter \"vEthernet ({_l0Switch})\" | New-NetIPAddress -IPAddress 10.0.0.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
        _services = new LabServices(IPAddress.Parse("10.0.0.1"), PayloadBytes);
        _lab.Run($"New-VM -Name {_l1} -Image host -MemoryStartupBytes 2GB -SwitchName {_l0Switch} | Out-Null");
        _lab.Run($"Set-VMProcessor -VMName {_l1} -ExposeVirtualizationExtensions $true");
        _lab.Run($"Start-VM {_l1}; Wait-VM -Name {_l1} -For Heartbeat -Timeout 300 | Out-Null");
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string InL1(string script) => _lab.Run($"Invoke-Command -VMName {_l1} -ScriptBlock {{ {script} }}");

    private string InL2(string script) => InL1($"Invoke-Command -VMName L2 -ScriptBlock {{ {script} }}");
}
