using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>The default views HyperNest.format.ps1xml gives Get-VM and Get-VMHost.</summary>
public sealed class VmViewTests : IDisposable
{
    private readonly HostStub _host;
    private readonly PowerShellSession _session;

    public VmViewTests()
    {
        var (host, stub) = HostStub.Create();
        _host = stub;
        _session = new PowerShellSession(host);
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void GetVm_DefaultView_HyperVTable()
    {
        VirtualMachine[] vms =
        [
            Vm("L1") with { State = VmState.Running, CPUUsage = 12, MemoryAssigned = 2048L << 20, Uptime = TimeSpan.FromSeconds(83.7) },
            Vm("L2"),
        ];
        _host.Answers[nameof(IVirtualizationHost.GetVms)] = _ => vms;

        var text = _session.InvokeText("Get-VM");

        Assert.Equal(["Name", "State", "CPUUsage(%)", "MemoryAssigned(M)", "Uptime", "Status", "Version"], FormattedText.TableHeaders(text));
        Assert.Equal(
            [
                ["L1", "Running", "12", "2048", "00:01:23", "Operating", "normally", "12.0"],
                ["L2", "Off", "0", "0", "00:00:00", "Operating", "normally", "12.0"],
            ],
            FormattedText.TableRows(text).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void GetVmHost_DefaultView_ListWithVersionsAndPrerequisitesSpelledOut()
    {
        _host.Answers[nameof(IVirtualizationHost.GetHost)] = _ => new VmHost
        {
            ComputerName = "box",
            ProcessorVendor = "AuthenticAMD",
            ProcessorModel = "EPYC",
            Accelerator = AcceleratorKind.TCG,
            AcceleratorReason = "no vmx/svm flag in /proc/cpuinfo",
            VirtualMachinePath = "/var/lib/hypernest",
            VirtualHardDiskPath = "/var/lib/hypernest/disks",
            QemuVersion = "7.2.0",
            SupportedVersions = ["9.3", "12.0"],
            DefaultVersion = "12.0",
            NestedVirtualizationMode = "software-emulated (TCG, AMD SVM)",
            NestedVirtualizationPrerequisites = [new("Software SVM emulation (QEMU TCG)", "PASS", "QEMU 7.2.0 emulates svm and npt"), new("KVM nested parameter", "FAIL", "missing")],
        };

        var text = _session.InvokeText("Get-VMHost");

        Assert.Equal(
            ["ComputerName", "LogicalProcessorCount", "MemoryCapacity", "ProcessorVendor", "ProcessorModel", "Accelerator", "AcceleratorReason",
                "VirtualMachinePath", "VirtualHardDiskPath", "QemuVersion", "SupportedVersions", "DefaultVersion", "NestedVirtualizationSupported",
                "NestedVirtualizationMode", "NestedVirtualizationPrerequisites"],
            FormattedText.ListLabels(text));
        Assert.Equal(("box", "TCG", "9.3, 12.0"), (FormattedText.ListValue(text, "ComputerName"), FormattedText.ListValue(text, "Accelerator"), FormattedText.ListValue(text, "SupportedVersions")));
        Assert.Equal(
            "[PASS] Software SVM emulation (QEMU TCG): QEMU 7.2.0 emulates svm and npt\n[FAIL] KVM nested parameter: missing",
            FormattedText.ListValue(text, "NestedVirtualizationPrerequisites"));
    }

    private static VirtualMachine Vm(string name) =>
        new() { Name = name, Id = Guid.NewGuid(), State = VmState.Off, Status = "Operating normally", Version = "12.0" };
}
