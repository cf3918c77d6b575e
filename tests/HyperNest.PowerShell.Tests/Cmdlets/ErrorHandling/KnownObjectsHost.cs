using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// A host API that knows the objects <see cref="CmdletLines"/> name and accepts every change (answering
/// null), recording all calls: what -WhatIf and -Confirm:$false are tested against.
/// </summary>
public static class KnownObjectsHost
{
    public static (IVirtualizationHost Host, HostStub Stub) Create()
    {
        var (host, stub) = HostStub.Create();
        var vm = new VirtualMachine { Name = "L1", Id = Guid.NewGuid(), State = VmState.Off, Status = "Operating normally", Version = "12.0" };
        stub.Answers[nameof(IVirtualizationHost.GetVms)] = _ => new[] { vm };
        stub.Answers[nameof(IVirtualizationHost.GetVm)] = _ => vm;
        stub.Answers[nameof(IVirtualizationHost.GetVmNetworkAdapters)] = _ => new[] { NetworkHostRecorder.Adapter("L1") };
        stub.Answers[nameof(IVirtualizationHost.GetManagementOsNetworkAdapters)] = _ => Array.Empty<VmNetworkAdapter>();
        stub.Answers[nameof(IVirtualizationHost.GetVmHardDiskDrives)] = _ => new[]
        {
            new VmHardDiskDrive { VMName = "L1", VMId = vm.Id, DriveId = Guid.NewGuid(), ControllerType = ControllerType.SCSI, Path = "/tmp/hn-test.vhdx" },
        };
        stub.Answers[nameof(IVirtualizationHost.GetVmDvdDrives)] = _ => new[]
        {
            new VmDvdDrive { VMName = "L1", VMId = vm.Id, DriveId = Guid.NewGuid(), ControllerType = ControllerType.SCSI, ControllerLocation = 1 },
        };
        stub.Answers[nameof(IVirtualizationHost.GetVmNetworkAdapterVlans)] = _ => new[] { new VmNetworkAdapterVlanSetting { ParentAdapter = NetworkHostRecorder.Adapter("L1") } };
        stub.Answers[nameof(IVirtualizationHost.GetVmIntegrationServices)] = _ => new[] { new VmIntegrationComponent { VMName = "L1", VMId = vm.Id, Name = "Shutdown", Enabled = true } };
        stub.Answers[nameof(IVirtualizationHost.GetVmSwitches)] = _ => new[] { NetworkHostRecorder.Switch("S1") };
        stub.Answers[nameof(IVirtualizationHost.GetVmSwitch)] = _ => NetworkHostRecorder.Switch("S1");
        stub.Answers[nameof(IVirtualizationHost.GetNetAdapters)] = _ => new[] { NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0") };
        stub.Answers[nameof(IVirtualizationHost.GetNetIpAddresses)] = _ => new[] { NetworkHostRecorder.Address("10.0.0.4", "Ethernet", 2) };
        stub.Answers[nameof(IVirtualizationHost.GetNetNats)] = _ => new[] { new NetNat { Name = "N1", InternalIPInterfaceAddressPrefix = "10.1.0.0/24" } };
        stub.Answers[nameof(IVirtualizationHost.GetDnsClientServerAddresses)] = _ => new[]
        {
            new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = [] },
        };
        stub.Otherwise = (_, _) => null;
        return (host, stub);
    }

    /// <summary>The calls that change something (everything but Get*).</summary>
    public static IEnumerable<string> Changes(HostStub stub) =>
        stub.Calls.Select(c => c.Method).Where(m => !m.StartsWith("Get", StringComparison.Ordinal));
}
