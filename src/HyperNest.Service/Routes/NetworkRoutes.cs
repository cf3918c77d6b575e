using HyperNest.Api;
using HyperNest.Hosting;
using static HyperNest.Service.Routes.VmRoutes;

namespace HyperNest.Service.Routes;

/// <summary>Switches, VM and management-OS adapters, VLANs, and the machine's own networking (addresses, NAT, DNS).</summary>
internal static class NetworkRoutes
{
    public static ApiRouter MapNetwork(this ApiRouter api) => api
        .Map("GET", "/v1/switches", (h, _) => h.GetVmSwitches())
        .Map("POST", "/v1/switches", (h, r) => h.NewVmSwitch(r.Body<NewVmSwitchRequest>()))
        .Map("GET", "/v1/switches/{name}", (h, r) => h.GetVmSwitch(r["name"]))
        .Map("DELETE", "/v1/switches/{name}", (h, r) => Nothing(() => h.RemoveVmSwitch(r["name"], r.Flag("force"))))
        .Map("POST", "/v1/switches/{name}/rename", (h, r) => h.RenameVmSwitch(r["name"], r.Body<RenameBody>().NewName))
        .Map("GET", "/v1/vms/{name}/network-adapters", (h, r) => h.GetVmNetworkAdapters(r["name"]))
        .Map("POST", "/v1/vms/{name}/network-adapters", (h, r) => h.AddVmNetworkAdapter(r["name"], r.Body<AddVmNetworkAdapterRequest>()))
        .Map("GET", "/v1/vms/{name}/network-adapters/vlans", (h, r) => h.GetVmNetworkAdapterVlans(r["name"]))
        .Map("PATCH", "/v1/vms/{name}/network-adapters/{adapter}", (h, r) => h.SetVmNetworkAdapter(r["name"], r.Id("adapter"), r.Body<SetVmNetworkAdapterRequest>()))
        .Map("DELETE", "/v1/vms/{name}/network-adapters/{adapter}", (h, r) => Nothing(() => h.RemoveVmNetworkAdapter(r["name"], r.Id("adapter"))))
        .Map("POST", "/v1/vms/{name}/network-adapters/{adapter}/connect", (h, r) => h.ConnectVmNetworkAdapter(r["name"], r.Id("adapter"), r.Body<ConnectAdapterBody>().SwitchName))
        .Map("POST", "/v1/vms/{name}/network-adapters/{adapter}/disconnect", (h, r) => h.DisconnectVmNetworkAdapter(r["name"], r.Id("adapter")))
        .Map("POST", "/v1/vms/{name}/network-adapters/{adapter}/rename", (h, r) => h.RenameVmNetworkAdapter(r["name"], r.Id("adapter"), r.Body<RenameBody>().NewName))
        .Map("PUT", "/v1/vms/{name}/network-adapters/{adapter}/vlan", (h, r) => h.SetVmNetworkAdapterVlan(r["name"], r.Id("adapter"), r.Body<SetVlanRequest>()))
        .Map("GET", "/v1/management-os/network-adapters", (h, _) => h.GetManagementOsNetworkAdapters())
        .Map("GET", "/v1/management-os/network-adapters/vlans", (h, _) => h.GetVmNetworkAdapterVlans(null))
        .Map("PUT", "/v1/management-os/network-adapters/{adapter}/vlan", (h, r) => h.SetVmNetworkAdapterVlan("", r.Id("adapter"), r.Body<SetVlanRequest>()))
        .Map("GET", "/v1/net/adapters", (h, _) => h.GetNetAdapters())
        .Map("GET", "/v1/net/ip-addresses", (h, _) => h.GetNetIpAddresses())
        .Map("POST", "/v1/net/ip-addresses", (h, r) => h.NewNetIpAddress(r.Body<NewNetIpAddressRequest>()))
        .Map("POST", "/v1/net/ip-addresses/remove", (h, r) => Nothing(() => RemoveIpAddress(h, r.Body<RemoveIpAddressBody>())))
        .Map("GET", "/v1/net/nats", (h, _) => h.GetNetNats())
        .Map("POST", "/v1/net/nats", (h, r) => NewNat(h, r.Body<NewNatBody>()))
        .Map("DELETE", "/v1/net/nats/{name}", (h, r) => Nothing(() => h.RemoveNetNat(r["name"])))
        .Map("GET", "/v1/net/dns", (h, _) => h.GetDnsClientServerAddresses())
        .Map("PUT", "/v1/net/dns", (h, r) => SetDns(h, r.Body<SetDnsServersBody>()))
        .Map("POST", "/v1/net/dns/servers", (h, r) => AddDns(h, r.Body<AddDnsServerBody>()))
        .Map("POST", "/v1/net/restore", (h, _) => Nothing(h.RestoreNetwork));

    private static void RemoveIpAddress(IVirtualizationHost host, RemoveIpAddressBody body) => host.RemoveNetIpAddress(body.Interface, body.IPAddress);

    private static object NewNat(IVirtualizationHost host, NewNatBody body) => host.NewNetNat(body.Name, body.InternalIPInterfaceAddressPrefix);

    private static object SetDns(IVirtualizationHost host, SetDnsServersBody body) => host.SetDnsClientServerAddresses(body.Interface, body.ServerAddresses ?? []);

    private static object AddDns(IVirtualizationHost host, AddDnsServerBody body) => host.AddDnsClientServerAddress(body.Interface, body.ServerAddress, body.Index);
}
