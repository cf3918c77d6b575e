using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>
/// A recording host for the cmdlets under test here (Set-VM, Get-VM, Rename-VMNetworkAdapter, Get-VMSwitch,
/// New-NetIPAddress, Set-VMNetworkAdapter -VM, the VLAN and integration-service cmdlets) that answers from the lists the test fills; any other member refuses to be called.
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
        nameof(IVirtualizationHost.GetVm) => a[0] is Guid id
            ? Vms.Find(v => v.Id == id) ?? throw new HostException($"Hyper-V was unable to find a virtual machine with ID {id}.", ErrorCategory.InvalidArgument, "InvalidParameter", id.ToString())
            : FindVm((string)a[0]!),
        nameof(IVirtualizationHost.RemoveVm) => null,
        nameof(IVirtualizationHost.StartVm) => FindVm((string)a[0]!) with { State = VmState.Running },
        nameof(IVirtualizationHost.GetVmHardDiskDrives) => new List<VmHardDiskDrive>
        {
            new() { VMName = FindVm((string)a[0]!).Name, VMId = FindVm((string)a[0]!).Id, Path = $"/srv/{a[0]}/system.qcow2" },
            new() { VMName = FindVm((string)a[0]!).Name, VMId = FindVm((string)a[0]!).Id, Path = $"/srv/{a[0]}/data.qcow2", ControllerLocation = 1 },
        },
        nameof(IVirtualizationHost.GetVhd) => new VirtualHardDisk { Path = (string)a[0]!, VhdFormat = "QCOW2", VhdType = "Dynamic" },
        nameof(IVirtualizationHost.SetVm) => FindVm((string)a[0]!) with { Notes = ((SetVmRequest)a[1]!).Notes ?? "" },
        nameof(IVirtualizationHost.SetVmMemory) => new VmMemory { VMName = FindVm((string)a[0]!).Name, VMId = FindVm((string)a[0]!).Id },
        nameof(IVirtualizationHost.GetVmNetworkAdapters) => Adapters.Where(x => x.VMName.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase)).ToList(),
        nameof(IVirtualizationHost.RenameVmNetworkAdapter) => Adapters.Single(x => x.AdapterId == (Guid)a[1]!) with { Name = (string)a[2]! },
        nameof(IVirtualizationHost.GetVmSwitches) => Switches,
        nameof(IVirtualizationHost.GetVmSwitch) => Switches.Find(s => s.Name.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostException($"No switch named '{a[0]}'.", ErrorCategory.ObjectNotFound, "SwitchNotFound", (string)a[0]!),
        nameof(IVirtualizationHost.NewNetIpAddress) => new List<NetIpAddress>(),
        nameof(IVirtualizationHost.GetManagementOsNetworkAdapters) => Adapters.Where(x => x.IsManagementOs).ToList(),
        nameof(IVirtualizationHost.SetVmNetworkAdapter) => Adapters.Single(x => x.AdapterId == (Guid)a[1]!),
        nameof(IVirtualizationHost.GetVmNetworkAdapterVlans) => Adapters
            .Where(x => a[0] is string vm ? x.VMName.Equals(vm, StringComparison.OrdinalIgnoreCase) : x.IsManagementOs)
            .Select(x => new VmNetworkAdapterVlanSetting { ParentAdapter = x }).ToList(),
        nameof(IVirtualizationHost.SetVmNetworkAdapterVlan) => new VmNetworkAdapterVlanSetting
        {
            ParentAdapter = Adapters.Single(x => x.AdapterId == (Guid)a[1]!),
            OperationMode = ((SetVlanRequest)a[2]!).Mode,
            AccessVlanId = ((SetVlanRequest)a[2]!).VlanId ?? 0,
        },
        nameof(IVirtualizationHost.GetVmEvents) => new List<VmEvent>
        {
            new() { TimeCreated = DateTimeOffset.UnixEpoch, Level = VmEventLevel.Information, VMName = (string?)a[0] ?? "any", VMId = Guid.Empty, Message = $"newest {a[1]}" },
        },
        nameof(IVirtualizationHost.GetVmIntegrationServices) => ServiceNames.Select(n => Service((string)a[0]!, n, true)).ToList(),
        nameof(IVirtualizationHost.SetVmIntegrationService) => Service((string)a[0]!, (string)a[1]!, (bool)a[2]!),
        _ => throw new NotSupportedException($"{name} is not part of the VM cmdlets' tests"),
    };

    public static IReadOnlyList<string> ServiceNames { get; } =
        ["Guest Service Interface", "Heartbeat", "Key-Value Pair Exchange", "Shutdown", "Time Synchronization", "VSS"];

    private VmIntegrationComponent Service(string vmName, string name, bool enabled) =>
        new() { VMName = FindVm(vmName).Name, VMId = FindVm(vmName).Id, Name = name, Enabled = enabled, PrimaryStatusDescription = enabled ? "OK" : null };

    private VirtualMachine FindVm(string name) =>
        Vms.Find(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new HostException($"Hyper-V was unable to find a virtual machine with name \"{name}\".", ErrorCategory.InvalidArgument, "InvalidParameter", name);
}
