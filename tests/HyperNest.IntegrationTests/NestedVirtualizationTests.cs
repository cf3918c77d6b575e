using HyperNest.Model;

namespace HyperNest.IntegrationTests;

/// <summary>
/// An L1 without exposed virtualization extensions sees no SVM or VMX and runs its own VMs in software.
/// The exposed case (L1 runs L2 with KVM, L0 sees L1's hypervisor switch on) shares its L1 with the nested
/// networking test (Network/NestedNetworkingTests).
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class NestedVirtualizationTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void ExtensionsNotExposed_L1HasNoSvmOrVmx_AndReportsSoftwareMode()
    {
        var l1 = IsolatedHost.UniqueName("L1f");
        try
        {
            _lab.Run($"New-VM -Name {l1} -Image host -MemoryStartupBytes 2GB");
            _lab.Run($"Set-VMProcessor -VMName {l1} -ExposeVirtualizationExtensions $false");
            _lab.Run($"Start-VM {l1}; Wait-VM -Name {l1} -For Heartbeat -Timeout 300");

            var flags = _lab.Run($"Invoke-Command -VMName {l1} -ScriptBlock {{ cat /proc/cpuinfo }}");
            Assert.Contains("flags", flags);
            Assert.DoesNotContain(" svm", flags);
            Assert.DoesNotContain(" vmx", flags);

            var host = _lab.Run($"Invoke-Command -VMName {l1} -ScriptBlock {{ Get-VMHost | Select-Object Accelerator,NestedVirtualizationMode | ConvertTo-Json }}");
            Assert.Contains("\"Accelerator\": 0", host);
            Assert.Contains("software-emulated", host);
            Assert.Equal(VmState.Running, _lab.Host.GetVm(l1).State);

            _lab.Run($"Stop-VM {l1} -TurnOff");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }
}
