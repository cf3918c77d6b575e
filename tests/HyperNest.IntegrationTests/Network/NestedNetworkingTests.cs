using System.Net;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// The heart of the mission and the documents' two networking options for nested guests, end to end under
/// TCG with one L1 (booting an L1 is most of a nested test's time): L0 has an Internal switch with 10.0.0.1
/// (L0's side, where the test's HTTP and DNS servers listen); L1 (virtualization extensions exposed, so its
/// HyperNest runs L2 with KVM) sits on it as 10.0.0.2; inside L1 an L2 reaches L0's side through L1's NAT,
/// then, moved to an External switch, over a spoofed bridge.
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

    // Every line sent into L1 and L2 is the documents' own; the steps of one guest go in as few script
    // blocks as the checks allow, because each guest runs under emulation.
    [Fact]
    public void ExposedExtensions_L1RunsL2WithKvm_L2ReachesL0ThroughL1sNat_ThenOverABridgeOnceSpoofingIsOn()
    {
        try
        {
            BootL1OnL0Switch();
            Assert.False(_lab.Host.GetVm(_l1).NestedHypervisorActive, "no hypervisor has virtualization on before L2 starts");

            // Option 2 (NAT), the documents' lines verbatim (en dashes included), in an L1 whose HyperNest uses KVM.
            var l1 = Lines(InL1(
                "Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "Test-Connection 10.0.0.1 -Count 2 -Quiet; " +
                "Get-VMHost | Select-Object -ExpandProperty Accelerator; " +
                "New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; " +
                "New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix \"192.168.100.0/24\" | Out-Null; " +
                "Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "New-VM -Name L2 -Image tiny -SwitchName VmNAT | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300 | Out-Null; " +
                "Get-VM L2 | ForEach-Object { \"$($_.State) $($_.Heartbeat)\" }"));
            Assert.Equal(["True", "KVM", "Running OkApplicationsUnknown"], l1);
            Assert.True(_lab.Host.GetVm(_l1).NestedHypervisorActive, "L1's KVM runs L2, so EFER.SVME is set");
            Assert.Contains("True", _lab.Run($"Get-VMProcessor -VMName {_l1} | Select-Object -ExpandProperty NestedHypervisorActive"));

            var nat = Lines(InL2("L2",
                "Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "Netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.1 | Out-Null; " +
                "Test-Connection 10.0.0.1 -Count 3 -Quiet; " +
                $"Invoke-WebRequest -Uri http://10.0.0.1:{_services!.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength; " +
                $"Resolve-DnsName -Name {LabServices.LabName} | Select-Object -ExpandProperty IPAddress"));
            Assert.Equal(["True", PayloadBytes.ToString(), "10.0.0.1"], nat);
            Assert.True(_services.HttpRequests > 0);
            Assert.True(_services.DnsQueries > 0);

            // Option 1 (MAC address spoofing): the same L2 moves to an External switch over L1's Ethernet
            // (a second L2 would cost another boot and another warm-up of its PowerShell Direct endpoint).
            InL1("New-VMSwitch -Name Ext -NetAdapterName Ethernet | Out-Null; Connect-VMNetworkAdapter -VMName L2 -SwitchName Ext");
            var requestsBefore = _services.HttpRequests;
            var blocked = Lines(InL2("L2",
                "Remove-NetIPAddress -IPAddress 192.168.100.2 -Confirm:$false; " +
                "Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 10.0.0.3 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
                "Test-Connection 10.0.0.1 -Count 2 -TimeoutSeconds 2 -Quiet"));
            Assert.Equal(["False"], blocked);
            Assert.Equal("Off", _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Select-Object -ExpandProperty MacAddressSpoofing").Trim());

            _lab.Run($"Get-VMNetworkAdapter -VMName {_l1} | Set-VMNetworkAdapter -MacAddressSpoofing On");

            var allowed = Lines(InL2("L2", $"Test-Connection 10.0.0.1 -Count 3 -Quiet; Invoke-WebRequest -Uri http://10.0.0.1:{_services.HttpPort}/ -UseBasicParsing | Select-Object -ExpandProperty RawContentLength"));
            Assert.Equal(["True", PayloadBytes.ToString()], allowed);
            Assert.True(_services.HttpRequests > requestsBefore);

            // The documents' memory rule: while L1's hypervisor runs L2, L1's memory cannot be adjusted.
            var refused = _lab.TryRun($"Set-VMMemory -VMName {_l1} -StartupBytes 2560MB");
            Assert.False(refused.Succeeded, "L1 runs a hypervisor: its memory must not change");
            Assert.Contains("must be turned off to adjust its memory", refused.Errors);

            // Beyond Hyper-V: with the opt-in L1 grows and shrinks while L2 runs, and L2 keeps its own memory.
            var l2Memory = MemTotal(InL2("L2", MemTotalScript));
            var l1Before = MemTotal(InL1(MemTotalScript));
            _lab.Run($"Set-VMMemory -VMName {_l1} -ResizeWithNestedHypervisor $true -StartupBytes 2560MB");
            var l1Grown = L1MemTotalOnceChangedFrom(l1Before);
            Assert.InRange(l1Grown - l1Before, 508L << 20, 512L << 20);
            _lab.Run($"Set-VMMemory -VMName {_l1} -StartupBytes 1792MB");
            Assert.InRange(l1Before - L1MemTotalOnceChangedFrom(l1Grown), 252L << 20, 256L << 20);
            Assert.Equal(l2Memory, MemTotal(InL2("L2", MemTotalScript)));
            Assert.Equal(["Running"], Lines(InL1("Get-VM L2 | Select-Object -ExpandProperty State")));

            // Once L2 stops, L1's hypervisor is idle and the rule no longer applies, opt-in or not.
            _lab.Run($"Set-VMMemory -VMName {_l1} -ResizeWithNestedHypervisor $false");
            InL1("Stop-VM L2 -TurnOff");
            Assert.True(WaitUntil(() => !_lab.Host.GetVm(_l1).NestedHypervisorActive), "L1's KVM switches SVM off when its last VM ends");
            _lab.Run($"Set-VMMemory -VMName {_l1} -StartupBytes 2GB");
            Assert.Equal("Running", _lab.Run($"Get-VM {_l1} | Select-Object -ExpandProperty State").Trim());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    /// <summary>L0's switch and address, the lab services on it, and L1 (nesting on); L1 addresses itself in its first script block.</summary>
    private void BootL1OnL0Switch()
    {
        _lab.Run($"New-VMSwitch -Name {_l0Switch} -SwitchType Internal | Out-Null");
        _lab.Run($"Get-NetAdapter \"vEthernet ({_l0Switch})\" | New-NetIPAddress -IPAddress 10.0.0.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null");
        _services = new LabServices(IPAddress.Parse("10.0.0.1"), PayloadBytes);
        _lab.Run($"New-VM -Name {_l1} -Image host -MemoryStartupBytes 2GB -SwitchName {_l0Switch} | Out-Null");
        _lab.Run($"Set-VMProcessor -VMName {_l1} -ExposeVirtualizationExtensions $true");
        Assert.True(_lab.Host.GetVmProcessor(_l1).ExposeVirtualizationExtensions);
        _lab.Run($"Start-VM {_l1}; Wait-VM -Name {_l1} -For Heartbeat -Timeout 300 | Out-Null");
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private const string MemTotalScript = "(Get-Content /proc/meminfo)[0]";

    /// <summary>Bytes, from a /proc/meminfo "MemTotal:  N kB" line.</summary>
    private static long MemTotal(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    /// <summary>The guest onlines or offlines the memory just after QEMU reports it plugged or unplugged.</summary>
    private long L1MemTotalOnceChangedFrom(long before)
    {
        var total = before;
        WaitUntil(() => (total = MemTotal(InL1(MemTotalScript))) != before);
        return total;
    }

    private static bool WaitUntil(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return false;
            }

            Thread.Sleep(1000);
        }

        return true;
    }

    private string InL1(string script) => _lab.Run($"Invoke-Command -VMName {_l1} -ScriptBlock {{ {script} }}");

    private string InL2(string l2, string script) => InL1($"Invoke-Command -VMName {l2} -ScriptBlock {{ {script} }}");
}
