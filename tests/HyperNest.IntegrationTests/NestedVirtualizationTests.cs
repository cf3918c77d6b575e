using HyperNest.Model;

namespace HyperNest.IntegrationTests;

/// <summary>
/// The heart of the mission, end to end under TCG: L0 exposes (emulated AMD SVM) virtualization
/// extensions to L1, HyperNest inside L1 runs L2 with KVM, and L0 sees L1's hypervisor switch on.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class NestedVirtualizationTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void ExposedExtensions_L1RunsL2WithKvm_AndL0SeesTheHypervisorActive()
    {
        var l1 = IsolatedHost.UniqueName("L1");
        try
        {
            _lab.Run($"New-VM -Name {l1} -Image host -MemoryStartupBytes 2GB");
            _lab.Run($"Set-VMProcessor -VMName {l1} -ExposeVirtualizationExtensions $true");
            Assert.True(_lab.Host.GetVmProcessor(l1).ExposeVirtualizationExtensions);
            _lab.Run($"Start-VM {l1}; Wait-VM -Name {l1} -For Heartbeat -Timeout 300");
            Assert.False(_lab.Host.GetVm(l1).NestedHypervisorActive, "no hypervisor has virtualization on before L2 starts");

            var accelerator = _lab.Run($"Invoke-Command -VMName {l1} -ScriptBlock {{ Get-VMHost | Select-Object -ExpandProperty Accelerator }}");
            Assert.Equal("KVM", accelerator.Trim());

            var l2 = _lab.Run($"Invoke-Command -VMName {l1} -ScriptBlock {{ New-VM -Name L2 -Image tiny | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 300; Get-VM L2 | Select-Object Name,State,Heartbeat | ConvertTo-Json }}");
            Assert.Contains("\"Name\": \"L2\"", l2);
            Assert.Contains("\"State\": 2", l2);
            Assert.Contains("\"Heartbeat\": \"OkApplicationsUnknown\"", l2);

            Assert.True(_lab.Host.GetVm(l1).NestedHypervisorActive, "L1's KVM runs L2, so EFER.SVME is set");
            Assert.Contains("True", _lab.Run($"Get-VMProcessor -VMName {l1} | Select-Object -ExpandProperty NestedHypervisorActive"));

            _lab.Run($"Stop-VM {l1} -TurnOff");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

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
