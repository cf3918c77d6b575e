using System.Net;

namespace HyperNest.Hosting;

/// <summary>
/// A resolver that keeps DNS servers per network link (systemd-resolved): what "dnsserver for interface
/// Ethernet" means on Windows. Where one serves the host's network namespace, the DNS cmdlets set the
/// link's servers there instead of writing one resolv.conf for all links.
/// </summary>
public interface ILinkDns : IDisposable
{
    /// <summary>Replaces the DNS servers of the link with this ifindex, in order.</summary>
    void SetServers(int ifIndex, IReadOnlyList<IPAddress> servers);

    /// <summary>Gives the link's DNS back to whatever configured it before (resolved's RevertLink).</summary>
    void Revert(int ifIndex);
}
