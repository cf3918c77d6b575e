using HyperNest.Network.Nftables;

namespace HyperNest.Hosting;

/// <summary>
/// Re-applying the stored network configuration after a reboot: the kernel forgets bridges, addresses,
/// routes, nftables and sysctls, while Hyper-V's switches and WinNAT survive one. The namespace identity
/// (boot id and network namespace) tells whether this kernel has had it yet.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const string NetworkIdentityKey = "network_identity";

    public void RestoreNetwork()
    {
        using var _ = HostLock.ForNetwork(_paths);
        RestoreNetworkLocked();
    }

    /// <summary>Called under the network lock. Nothing it cannot re-create stops it: each miss is a warning.</summary>
    private void RestoreNetworkLocked()
    {
        var identity = _network.NamespaceIdentity();
        if (_store.Transact(tx => tx.GetSetting(NetworkIdentityKey)) == identity)
        {
            return;
        }

        ConvergeNetworkToStore();
        _store.Transact(tx => tx.SetSetting(NetworkIdentityKey, identity));
    }

    /// <summary>
    /// Under the network lock: makes the kernel hold what the store says (bridges, addresses, routes, NAT,
    /// resolver, port guards, VLANs), leaving alone what is already right. After a reboot, and after a
    /// network change that was killed half-way.
    /// </summary>
    private void ConvergeNetworkToStore()
    {
        var (switches, nats, dns) = _store.Transact(tx => (tx.ListSwitches(), tx.ListNats(), tx.ListDnsServers()));
        var links = _network.ListLinks().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var record in switches)
        {
            if (record.NetAdapter is { } nic && !links.Contains(nic))
            {
                Warn($"The virtual switch \"{record.Name}\" is bound to {nic}, which this machine no longer has; its VMs reach only each other until the switch is re-created over another adapter.");
            }

            if (!links.Contains(record.Bridge))
            {
                Try($"re-create the bridge of \"{record.Name}\"", () => CreateSwitchBridge(record with { NetAdapter = links.Contains(record.NetAdapter ?? "") ? record.NetAdapter : null }, revert: null));
            }

            if (record.NetAdapter is { } bound && links.Contains(bound))
            {
                // ifupdown may have configured the NIC again at boot; its addresses live on the bridge now.
                foreach (var address in _network.ListAddresses().Where(a => a.LinkName == bound && a.Scope == "global"))
                {
                    Try($"remove {address.Address} from {bound}", () => _network.RemoveAddress(bound, address.Address, address.PrefixLength));
                }
            }
        }

        var hostless = switches.Where(s => !NetAdapterCatalog.HasHostAdapter(s)).Select(s => s.Bridge).ToHashSet(StringComparer.Ordinal);
        var configured = _store.Transact(tx => tx.ListIpAddresses()).Select(a => a.Interface)
            .Concat(_store.Transact(tx => tx.ListGateways()).Select(g => g.Interface))
            .Distinct(StringComparer.Ordinal);
        foreach (var link in configured.Where(l => !hostless.Contains(l)))
        {
            ApplyStoredIpConfiguration(link);
        }

        if (nats.Count > 0)
        {
            Try("re-apply the NAT table", () => ApplyNats(nats));
        }

        if (dns.Count > 0)
        {
            Try("re-apply the DNS servers", ApplyDnsServers);
        }

        Try("re-apply the switch-port guards", () => ApplyPortGuards());
        foreach (var record in switches)
        {
            try
            {
                ApplySwitchVlans(record, PortsOn(record));
            }
            catch (Exception ex) when (ex is HostException or NetworkBackendException)
            {
                Warn($"Could not re-apply the VLANs of \"{record.Name}\": {ex.Message}");
            }
        }
    }
}
