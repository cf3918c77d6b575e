using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>
/// A recording host for the cmdlets under test here (Set-VM, Get-VM, Rename-VMNetworkAdapter, Get-VMSwitch,
/// New-NetIPAddress) that answers from the lists the test fills; any other member refuses to be called.
/// </summary>
public class VmHostRecorder : RecordingHost
{
    public List<VirtualMachine> Vms { get; } = [];

    public List<VmNetworkAdapter> Adapters { get; } = [];

    public List<VmSwitch> Switches { get; } = [];

    public static (IVirtualizationHost Host, VmHostRecorder Recorder) Create() => Create<VmHostRecorder>();

    public static VirtualMachine Vm(string name, VmState state = VmState.Off) =>
        new() { Name = name, Id = Guid.NewGuid(), State = state, Status = "Operating normally", Version = "12.0", Generation = 2, ProcessorCount = 1, MemoryStartup = 512L << 20 };

    public static VmNetworkAdapter Adapter(string vmName, string name = "Network Adapter") =>
        new() { Name = name, AdapterId = Guid.NewGuid(), VMName = vmName, MacAddress = "02484E000001" };

    protected override object? Answer(string name, object?[] a) => name switch
    {
        nameof(IVirtualizationHost.GetVms) => Vms,
        nameof(IVirtualizationHost.GetVm) => FindVm((string)a[0]!),
        nameof(IVirtualizationHost.SetVm) => FindVm((string)a[0]!) with { Notes = ((SetVmRequest)a[1]!).Notes ?? "" },
        nameof(IVirtualizationHost.GetVmNetworkAdapters) => Adapters.Where(x => x.VMName.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase)).ToList(),
        nameof(IVirtualizationHost.RenameVmNetworkAdapter) => Adapters.Single(x => x.AdapterId == (Guid)a[1]!) with { Name = (string)a[2]! },
        nameof(IVirtualizationHost.GetVmSwitches) => Switches,
        nameof(IVirtualizationHost.GetVmSwitch) => Switches.Find(s => s.Name.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostException($"No switch named '{a[0]}'.", ErrorCategory.ObjectNotFound, "SwitchNotFound", (string)a[0]!),
        nameof(IVirtualizationHost.NewNetIpAddress) => new List<NetIpAddress>(),
        _ => throw new NotSupportedException($"{name} is not part of the VM cmdlets' tests"),
    };

    private VirtualMachine FindVm(string name) =>
        Vms.Find(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new HostException($"Hyper-V was unable to find a virtual machine with name \"{name}\".", ErrorCategory.InvalidArgument, "InvalidParameter", name);
}
