using HyperNest.Model;
using HyperNest.Network.Nftables;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>New-/Get-/Remove-NetNat: WinNAT's masquerade of an internal prefix, as the inet hypernest_nat table.</summary>
public sealed partial class VirtualizationHost
{
    /// <summary>host_settings key: net.ipv4.ip_forward as it was before the first NAT turned it on.</summary>
    private const string ForwardingBeforeNatKey = "ipv4_forwarding_before_nat";

    public NetNat NewNetNat(string name, string internalIPInterfaceAddressPrefix) => WithNetwork($"Creating NAT \"{name}\"", () =>
    {
        try
        {
            NftText.RequireCommentText(name, nameof(name));
        }
        catch (ArgumentException ex)
        {
            throw HostErrors.InvalidArgument($"-Name: {ex.Message}", name);
        }

        Ipv4Prefix prefix;
        try
        {
            prefix = Ipv4Prefix.Parse(internalIPInterfaceAddressPrefix);
        }
        catch (ArgumentException ex)
        {
            throw HostErrors.InvalidArgument($"-InternalIPInterfaceAddressPrefix: {ex.Message}", name);
        }

        var nats = _store.Transact(tx => tx.ListNats());
        if (nats.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw NetworkErrors.Exists($"A NAT named \"{name}\" already exists.", name);
        }

        foreach (var other in nats)
        {
            var otherPrefix = Ipv4Prefix.Parse(other.InternalPrefix);
            if (prefix.Overlaps(otherPrefix))
            {
                throw HostErrors.InvalidArgument(
                    $"The prefix {prefix} overlaps {otherPrefix} of the NAT \"{other.Name}\". WinNAT allows one internal prefix per address range: choose a prefix that does not overlap, or Remove-NetNat \"{other.Name}\" first.", name);
            }
        }

        // An address of this machine on a non-internal adapter inside the prefix would have its own traffic translated.
        var adapters = CurrentNetAdapters();
        foreach (var address in _network.ListAddresses().Where(a => a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
        {
            var adapter = adapters.FirstOrDefault(a => a.ifIndex == address.LinkIndex);
            if (adapter is not null && !NetAdapterCatalog.IsSwitchHostAdapter(adapter) && prefix.Contains(address.Address))
            {
                throw HostErrors.InvalidArgument(
                    $"The prefix {prefix} overlaps this machine's address {address.Address}/{address.PrefixLength} on \"{adapter.Name}\", which is not an internal switch's adapter. Choose another prefix (the documents use 192.168.100.0/24).", name);
            }
        }

        var record = new NetNatRecord(name, prefix.ToString(), _clock.GetUtcNow());
        using var journal = BeginOperation(OperationKind.NewNetNat, name, []);
        using var revert = NewRevert();
        ApplyNats([.. nats, record]);
        revert.Add("apply the NAT table", () => ApplyNats(nats));
        _store.Transact(tx => tx.InsertNat(record));
        revert.Success();
        return ToNatView(record);
    });

    public IReadOnlyList<NetNat> GetNetNats() => _store.Transact(tx => tx.ListNats()).Select(ToNatView).ToList();

    /// <summary>An empty name removes every NAT, as Remove-NetNat without -Name does.</summary>
    public void RemoveNetNat(string name) => WithNetwork($"Removing NAT \"{name}\"", () =>
    {
        var nats = _store.Transact(tx => tx.ListNats());
        var removed = string.IsNullOrEmpty(name) ? nats : nats.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (removed.Count == 0 && !string.IsNullOrEmpty(name))
        {
            throw new HostException(
                $"No MSFT_NetNat objects found with property 'Name' equal to '{name}'. Get-NetNat lists the NATs on this machine.",
                ErrorCategory.ObjectNotFound, "ObjectNotFound", name);
        }

        using var journal = BeginOperation(OperationKind.RemoveNetNat, name, []);
        ApplyNats(nats.Except(removed).ToList());
        _store.Transact(tx =>
        {
            foreach (var nat in removed)
            {
                tx.DeleteNat(nat.Name);
            }
        });
    });

    /// <summary>
    /// Makes the kernel hold exactly these NATs; forwarding is on while any exists and back to what it
    /// was before once the last one goes (a host that forwarded already keeps forwarding).
    /// </summary>
    private void ApplyNats(IReadOnlyList<NetNatRecord> nats)
    {
        if (nats.Count == 0)
        {
            _network.DeleteNftTable(NatRuleset.Family, NatRuleset.TableName(_paths.Home));
            var before = _store.Transact(tx => tx.GetSetting(ForwardingBeforeNatKey));
            if (before is not null)
            {
                _network.Ipv4Forwarding = before == "1";
                _store.Transact(tx => tx.SetSetting(ForwardingBeforeNatKey, null));
            }

            return;
        }

        _network.ApplyNftables(NatRuleset.Render(NatRuleset.TableName(_paths.Home), nats.Select(n => new NetNatDefinition(n.Name, Ipv4Prefix.Parse(n.InternalPrefix))).ToList()));
        if (_store.Transact(tx => tx.GetSetting(ForwardingBeforeNatKey)) is null)
        {
            var was = _network.Ipv4Forwarding;
            _store.Transact(tx => tx.SetSetting(ForwardingBeforeNatKey, was ? "1" : "0"));
        }

        _network.Ipv4Forwarding = true;
    }

    private static NetNat ToNatView(NetNatRecord record) => new()
    {
        Name = record.Name,
        InternalIPInterfaceAddressPrefix = record.InternalPrefix,
    };
}
