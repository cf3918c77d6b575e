using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Api;

public sealed partial class ServiceClient
{
    public VmSwitch NewVmSwitch(NewVmSwitchRequest request) => Call<VmSwitch>(HttpMethod.Post, ApiPath.Of("switches"), request);

    public IReadOnlyList<VmSwitch> GetVmSwitches() => Get<List<VmSwitch>>(ApiPath.Of("switches"));

    public VmSwitch GetVmSwitch(string name) => Get<VmSwitch>(ApiPath.Of("switches", name));

    public void RemoveVmSwitch(string name, bool force) =>
        Call(HttpMethod.Delete, ApiPath.WithQuery(ApiPath.Of("switches", name), ("force", force ? "true" : null)));

    public VmSwitch RenameVmSwitch(string name, string newName) => Call<VmSwitch>(HttpMethod.Post, ApiPath.Of("switches", name, "rename"), new RenameBody(newName));

    public IReadOnlyList<VmNetworkAdapter> GetVmNetworkAdapters(string vmName) => Get<List<VmNetworkAdapter>>(ApiPath.Vm(vmName, "network-adapters"));

    public IReadOnlyList<VmNetworkAdapter> GetManagementOsNetworkAdapters() => Get<List<VmNetworkAdapter>>(ApiPath.Of("management-os", "network-adapters"));

    public VmNetworkAdapter AddVmNetworkAdapter(string vmName, AddVmNetworkAdapterRequest request) =>
        Call<VmNetworkAdapter>(HttpMethod.Post, ApiPath.Vm(vmName, "network-adapters"), request);

    public void RemoveVmNetworkAdapter(string vmName, Guid adapterId) => Call(HttpMethod.Delete, Adapter(vmName, adapterId));

    public VmNetworkAdapter ConnectVmNetworkAdapter(string vmName, Guid adapterId, string switchName) =>
        Call<VmNetworkAdapter>(HttpMethod.Post, Adapter(vmName, adapterId, "connect"), new ConnectAdapterBody(switchName));

    public VmNetworkAdapter DisconnectVmNetworkAdapter(string vmName, Guid adapterId) =>
        Call<VmNetworkAdapter>(HttpMethod.Post, Adapter(vmName, adapterId, "disconnect"));

    public VmNetworkAdapter RenameVmNetworkAdapter(string vmName, Guid adapterId, string newName) =>
        Call<VmNetworkAdapter>(HttpMethod.Post, Adapter(vmName, adapterId, "rename"), new RenameBody(newName));

    public VmNetworkAdapter SetVmNetworkAdapter(string vmName, Guid adapterId, SetVmNetworkAdapterRequest request) =>
        Call<VmNetworkAdapter>(HttpMethod.Patch, Adapter(vmName, adapterId), request);

    public IReadOnlyList<VmNetworkAdapterVlanSetting> GetVmNetworkAdapterVlans(string? vmName) =>
        Get<List<VmNetworkAdapterVlanSetting>>(vmName is null ? ApiPath.Of("management-os", "network-adapters", "vlans") : ApiPath.Vm(vmName, "network-adapters", "vlans"));

    public VmNetworkAdapterVlanSetting SetVmNetworkAdapterVlan(string vmName, Guid adapterId, SetVlanRequest request) =>
        Call<VmNetworkAdapterVlanSetting>(
            HttpMethod.Put,
            string.IsNullOrEmpty(vmName) ? ApiPath.Of("management-os", "network-adapters", adapterId.ToString("D"), "vlan") : Adapter(vmName, adapterId, "vlan"),
            request);

    public IReadOnlyList<NetAdapter> GetNetAdapters() => Get<List<NetAdapter>>(ApiPath.Of("net", "adapters"));

    public IReadOnlyList<NetIpAddress> GetNetIpAddresses() => Get<List<NetIpAddress>>(ApiPath.Of("net", "ip-addresses"));

    public IReadOnlyList<NetIpAddress> NewNetIpAddress(NewNetIpAddressRequest request) => Call<List<NetIpAddress>>(HttpMethod.Post, ApiPath.Of("net", "ip-addresses"), request);

    public void RemoveNetIpAddress(NetInterfaceSelector selector, string ipAddress) =>
        Call(HttpMethod.Post, ApiPath.Of("net", "ip-addresses", "remove"), new RemoveIpAddressBody(selector, ipAddress));

    public NetNat NewNetNat(string name, string internalIPInterfaceAddressPrefix) =>
        Call<NetNat>(HttpMethod.Post, ApiPath.Of("net", "nats"), new NewNatBody(name, internalIPInterfaceAddressPrefix));

    public IReadOnlyList<NetNat> GetNetNats() => Get<List<NetNat>>(ApiPath.Of("net", "nats"));

    public void RemoveNetNat(string name) => Call(HttpMethod.Delete, ApiPath.Of("net", "nats", name));

    public IReadOnlyList<DnsClientServerAddress> GetDnsClientServerAddresses() => Get<List<DnsClientServerAddress>>(ApiPath.Of("net", "dns"));

    public DnsClientServerAddress SetDnsClientServerAddresses(NetInterfaceSelector selector, IReadOnlyList<string> serverAddresses) =>
        Call<DnsClientServerAddress>(HttpMethod.Put, ApiPath.Of("net", "dns"), new SetDnsServersBody(selector, serverAddresses));

    public DnsClientServerAddress AddDnsClientServerAddress(NetInterfaceSelector selector, string serverAddress, int? index) =>
        Call<DnsClientServerAddress>(HttpMethod.Post, ApiPath.Of("net", "dns", "servers"), new AddDnsServerBody(selector, serverAddress, index));

    public void RestoreNetwork() => Call(HttpMethod.Post, ApiPath.Of("net", "restore"));

    private static string Adapter(string vmName, Guid adapterId, params string[] rest) =>
        ApiPath.Vm(vmName, ["network-adapters", adapterId.ToString("D"), .. rest]);
}
