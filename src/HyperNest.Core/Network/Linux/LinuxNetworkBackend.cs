using System.Net;
using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>The network backend on Linux: iproute2 (JSON output), nft, /proc/sys and resolv.conf.</summary>
public sealed class LinuxNetworkBackend(HostPaths paths) : INetworkBackend
{
    public IReadOnlyList<LinkInfo> ListLinks() => throw new NotImplementedException();

    public IReadOnlyList<AddressInfo> ListAddresses() => throw new NotImplementedException();

    public IReadOnlyList<RouteInfo> ListDefaultRoutes() => throw new NotImplementedException();

    public void CreateBridge(string name, string? alias, bool hostIsolated) => throw new NotImplementedException();

    public void DeleteLink(string name) => throw new NotImplementedException();

    public void CreateTap(string name, string? bridge) => throw new NotImplementedException();

    public void SetMaster(string link, string? bridge) => throw new NotImplementedException();

    public void SetAlias(string link, string? alias) => throw new NotImplementedException();

    public void SetLinkUp(string link, bool up) => throw new NotImplementedException();

    public void SetMacAddress(string link, string mac) => throw new NotImplementedException();

    public void AddAddress(string link, IPAddress address, int prefixLength) => throw new NotImplementedException();

    public void RemoveAddress(string link, IPAddress address, int prefixLength) => throw new NotImplementedException();

    public void AddDefaultRoute(string link, IPAddress gateway) => throw new NotImplementedException();

    public void RemoveDefaultRoute(string link, IPAddress gateway) => throw new NotImplementedException();

    public void ApplyNftables(string script) => throw new NotImplementedException();

    public void DeleteNftTable(string family, string name) => throw new NotImplementedException();

    public bool Ipv4Forwarding
    {
        get => throw new NotImplementedException();
        set => throw new NotImplementedException();
    }

    public void WriteResolverConfiguration(IReadOnlyList<IPAddress> servers) => throw new NotImplementedException(paths.ResolverConfiguration);

    public string NamespaceIdentity() => throw new NotImplementedException();
}
