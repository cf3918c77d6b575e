using System.Net;
using System.Net.Sockets;
using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>
/// The DNS client's servers per interface (Get-/Set-DnsClientServerAddress, netsh … dnsserver). Where
/// systemd-resolved serves this network namespace each interface's servers are that link's, as on Windows;
/// elsewhere Linux resolves through one list, so resolv.conf gets every interface's servers in ifIndex order.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>resolv.conf allows three nameservers (MAXNS); more are ignored by glibc.</summary>
    private const int ResolverLimit = 3;

    /// <summary>host_settings key: set once HyperNest has written resolv.conf; holds the file as it was before ("" stands for no file).</summary>
    private const string DnsOriginalKey = "dns_original_resolver";

    /// <summary>Written by earlier versions instead of <see cref="DnsOriginalKey"/>: they kept no copy of the original.</summary>
    private const string DnsConfiguredKey = "dns_configured";

    public IReadOnlyList<DnsClientServerAddress> GetDnsClientServerAddresses() => WithNetwork("Listing DNS servers", () =>
    {
        var stored = _store.Transact(tx => tx.ListDnsServers());
        var result = new List<DnsClientServerAddress>();
        foreach (var adapter in CurrentNetAdapters())
        {
            var servers = stored.Where(s => s.Interface == adapter.LinuxName).OrderBy(s => s.Position).Select(s => s.Address).ToList();
            result.Add(DnsView(adapter, "IPv4", servers.Where(s => IPAddress.Parse(s).AddressFamily == AddressFamily.InterNetwork).ToList()));
            var v6 = servers.Where(s => IPAddress.Parse(s).AddressFamily == AddressFamily.InterNetworkV6).ToList();
            if (v6.Count > 0)
            {
                result.Add(DnsView(adapter, "IPv6", v6));
            }
        }

        return result;
    });

    public DnsClientServerAddress SetDnsClientServerAddresses(NetInterfaceSelector selector, IReadOnlyList<string> serverAddresses) =>
        WithNetwork("Setting DNS servers", () =>
        {
            var adapter = ResolveNetAdapter(selector);
            var servers = serverAddresses.Select(ParseDnsServer).Select(a => a.ToString()).ToList();
            if (servers.Distinct().Count() != servers.Count)
            {
                throw HostErrors.InvalidArgument("-ServerAddresses lists the same server twice.", adapter.Name);
            }

            return StoreDnsServers(adapter, servers);
        });

    public DnsClientServerAddress AddDnsClientServerAddress(NetInterfaceSelector selector, string serverAddress, int? index) =>
        WithNetwork("Adding a DNS server", () =>
        {
            var adapter = ResolveNetAdapter(selector);
            var server = ParseDnsServer(serverAddress).ToString();
            var servers = _store.Transact(tx => tx.ListDnsServers()).Where(s => s.Interface == adapter.LinuxName).OrderBy(s => s.Position).Select(s => s.Address).ToList();
            if (servers.Contains(server))
            {
                throw NetworkErrors.Exists($"The DNS server {server} is already in the list of \"{adapter.Name}\" (The object already exists).", server);
            }

            if (index is < 1)
            {
                throw HostErrors.InvalidArgument($"index={index} is not valid: positions start at 1.", server);
            }

            // netsh appends when the index is past the end.
            servers.Insert(Math.Min((index ?? int.MaxValue) - 1, servers.Count), server);
            return StoreDnsServers(adapter, servers);
        });

    private DnsClientServerAddress StoreDnsServers(NetAdapter adapter, List<string> servers)
    {
        using var linkDns = _network.LinkDns();
        if (linkDns is null && _network.ResolverFileIsAnotherNamespaces())
        {
            throw NetworkErrors.ResolverFileOfAnotherNamespace(_paths.ResolverConfiguration);
        }

        var before = _store.Transact(tx => tx.ListDnsServers()).Where(s => s.Interface == adapter.LinuxName).OrderBy(s => s.Position).Select(s => s.Address).ToList();
        _store.Transact(tx => tx.ReplaceDnsServers(adapter.LinuxName, servers));
        try
        {
            ApplyDnsServers(linkDns, adapter.LinuxName);
        }
        catch
        {
            _store.Transact(tx => tx.ReplaceDnsServers(adapter.LinuxName, before));
            throw;
        }

        return DnsView(adapter, "IPv4", servers.Where(s => IPAddress.Parse(s).AddressFamily == AddressFamily.InterNetwork).ToList());
    }

    private void ApplyDnsServers()
    {
        using var linkDns = _network.LinkDns();
        ApplyDnsServers(linkDns, changedLink: null);
    }

    /// <summary>The stored servers to where they take effect: resolved's links where it serves this namespace, else resolv.conf.</summary>
    private void ApplyDnsServers(ILinkDns? linkDns, string? changedLink)
    {
        if (linkDns is not null)
        {
            ApplyLinkDns(linkDns, changedLink);
        }
        else
        {
            RewriteResolverConfiguration();
        }
    }

    /// <summary>
    /// Each stored interface's servers become its link's in resolved (a link gone with its switch is
    /// forgotten by resolved itself); the link whose last server went is given back to whatever set it
    /// before (RevertLink), as Set-DnsClientServerAddress -ResetServerAddresses does on Windows.
    /// </summary>
    private void ApplyLinkDns(ILinkDns linkDns, string? changedLink)
    {
        var stored = _store.Transact(tx => tx.ListDnsServers());
        var index = _network.ListLinks().ToDictionary(l => l.Name, l => l.Index, StringComparer.Ordinal);
        foreach (var link in stored.GroupBy(s => s.Interface).Where(g => index.ContainsKey(g.Key)))
        {
            linkDns.SetServers(index[link.Key], link.OrderBy(s => s.Position).Select(s => IPAddress.Parse(s.Address)).ToList());
        }

        if (changedLink is not null && index.TryGetValue(changedLink, out var changed) && !stored.Any(s => s.Interface == changedLink))
        {
            linkDns.Revert(changed);
        }
    }

    /// <summary>
    /// Writes resolv.conf from the stored servers, interfaces in ifIndex order; untouched while none were
    /// ever configured. Its first write keeps the file as it was, and when the last server HyperNest set
    /// goes, that original comes back (the machine's resolver as the administrator left it).
    /// </summary>
    private void RewriteResolverConfiguration()
    {
        var stored = _store.Transact(tx => tx.ListDnsServers());
        var (original, legacy) = _store.Transact(tx => (tx.GetSetting(DnsOriginalKey), tx.GetSetting(DnsConfiguredKey)));
        if (stored.Count == 0 && original is null && legacy is null)
        {
            return;
        }

        if (_network.ResolverFileIsAnotherNamespaces())
        {
            // A switch removed or a namespace restored from here must not rewrite the machine's resolver.
            Warn($"The resolver configuration {_paths.ResolverConfiguration} was left as it is: it is the machine's, and this is another network namespace (set HYPERNEST_RESOLV_CONF).");
            return;
        }

        var order = _network.ListLinks().ToDictionary(l => l.Name, l => l.Index);
        var servers = stored
            .OrderBy(s => order.GetValueOrDefault(s.Interface, int.MaxValue)).ThenBy(s => s.Position)
            .Select(s => IPAddress.Parse(s.Address))
            .Distinct()
            .ToList();
        if (servers.Count > ResolverLimit)
        {
            Warn($"{servers.Count} DNS servers are configured; Linux's resolver uses only the first {ResolverLimit} ({string.Join(", ", servers.Take(ResolverLimit))}).");
        }

        if (servers.Count == 0 && original is not null)
        {
            _network.RestoreResolverConfiguration(original.Length == 0 ? null : original);
            _store.Transact(tx => tx.SetSetting(DnsOriginalKey, null));
            return;
        }

        if (original is null && legacy is null)
        {
            var before = _network.ReadResolverConfiguration();
            _store.Transact(tx => tx.SetSetting(DnsOriginalKey, before ?? ""));
        }

        _network.WriteResolverConfiguration(servers);
    }

    private static IPAddress ParseDnsServer(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? address
            : throw HostErrors.InvalidArgument($"\"{text}\" is not an IPv4 or IPv6 address of a DNS server.", text);

    private static DnsClientServerAddress DnsView(NetAdapter adapter, string family, IReadOnlyList<string> servers) => new()
    {
        InterfaceAlias = adapter.Name,
        InterfaceIndex = adapter.ifIndex,
        AddressFamily = family,
        ServerAddresses = servers,
    };
}
