using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>
/// A host API that records every call the network cmdlets make and answers from the lists the test fills
/// (switches, adapters, addresses …). <see cref="Refuse"/> makes a method throw HostException, to see how
/// the cmdlets surface the host's refusals. Members outside networking refuse to be called.
/// </summary>
public class NetworkHostRecorder : RecordingHost
{
    public List<VmSwitch> Switches { get; } = [];

    public List<VmNetworkAdapter> Adapters { get; } = [];

    public List<NetAdapter> NetAdapters { get; } = [];

    public List<NetIpAddress> IpAddresses { get; } = [];

    public List<NetNat> Nats { get; } = [];

    public List<DnsClientServerAddress> DnsServers { get; } = [];

    public List<string> VmNames { get; } = [];

    public static (IVirtualizationHost Host, NetworkHostRecorder Recorder) Create() => Create<NetworkHostRecorder>();

    public static VmSwitch Switch(string name, VmSwitchType type = VmSwitchType.Internal) =>
        new() { Name = name, Id = Guid.NewGuid(), SwitchType = type, BridgeName = "hn-" + name.ToLowerInvariant() };

    public static VmNetworkAdapter Adapter(string vmName, string name = "Network Adapter", string? switchName = null) =>
        new() { Name = name, AdapterId = Guid.NewGuid(), VMName = vmName, MacAddress = "02484E000001", SwitchName = switchName };

    public static NetAdapter NetAdapter(string name, int index, string linuxName) =>
        new() { Name = name, InterfaceDescription = "virtio", ifIndex = index, Status = "Up", MacAddress = "02-48-4E-00-00-09", LinuxName = linuxName };

    public static NetIpAddress Address(string ip, string alias, int index, int prefix = 24) =>
        new() { IPAddress = ip, InterfaceAlias = alias, InterfaceIndex = index, AddressFamily = ip.Contains(':', StringComparison.Ordinal) ? "IPv6" : "IPv4", PrefixLength = prefix, PrefixOrigin = "Manual", SuffixOrigin = "Manual" };

    protected override object? Answer(string name, object?[] a) => name switch
    {
        nameof(IVirtualizationHost.GetVms) => VmNames.Select(n => new VirtualMachine { Name = n, Id = Guid.NewGuid(), State = VmState.Off, Status = "", Version = "12.0" }).ToList(),
        nameof(IVirtualizationHost.NewVmSwitch) => Switch(((NewVmSwitchRequest)a[0]!).Name, ((NewVmSwitchRequest)a[0]!).SwitchType ?? VmSwitchType.External),
        nameof(IVirtualizationHost.GetVmSwitches) => Switches,
        nameof(IVirtualizationHost.GetVmSwitch) => Switches.Find(s => s.Name.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostException($"No switch named '{a[0]}'.", ErrorCategory.ObjectNotFound, "SwitchNotFound", (string)a[0]!),
        nameof(IVirtualizationHost.RenameVmSwitch) => Switch((string)a[1]!),
        nameof(IVirtualizationHost.GetVmNetworkAdapters) => Adapters.Where(x => x.VMName.Equals((string)a[0]!, StringComparison.OrdinalIgnoreCase)).ToList(),
        nameof(IVirtualizationHost.GetManagementOsNetworkAdapters) => Adapters.Where(x => x.IsManagementOs).ToList(),
        nameof(IVirtualizationHost.AddVmNetworkAdapter) => Adapter((string)a[0]!),
        nameof(IVirtualizationHost.ConnectVmNetworkAdapter) or nameof(IVirtualizationHost.DisconnectVmNetworkAdapter) or nameof(IVirtualizationHost.SetVmNetworkAdapter)
            => Adapters.Single(x => x.AdapterId == (Guid)a[1]!),
        nameof(IVirtualizationHost.GetNetAdapters) => NetAdapters,
        nameof(IVirtualizationHost.GetNetIpAddresses) => IpAddresses,
        nameof(IVirtualizationHost.NewNetIpAddress) => new List<NetIpAddress> { Address(((NewNetIpAddressRequest)a[0]!).IPAddress, "Ethernet", 2) },
        nameof(IVirtualizationHost.NewNetNat) => new NetNat { Name = (string)a[0]!, InternalIPInterfaceAddressPrefix = (string)a[1]! },
        nameof(IVirtualizationHost.GetNetNats) => Nats,
        nameof(IVirtualizationHost.GetDnsClientServerAddresses) => DnsServers,
        nameof(IVirtualizationHost.SetDnsClientServerAddresses) or nameof(IVirtualizationHost.AddDnsClientServerAddress)
            => new DnsClientServerAddress { InterfaceAlias = "Ethernet", InterfaceIndex = 2, AddressFamily = "IPv4", ServerAddresses = [] },
        nameof(IVirtualizationHost.RemoveVmSwitch) or nameof(IVirtualizationHost.RemoveVmNetworkAdapter) or nameof(IVirtualizationHost.RemoveNetIpAddress)
            or nameof(IVirtualizationHost.RemoveNetNat) => null,
        _ => throw new NotSupportedException($"{name} is not part of the network cmdlets' tests"),
    };
}
