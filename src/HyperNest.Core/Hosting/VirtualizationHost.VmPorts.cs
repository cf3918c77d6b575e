using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>A VM's switch ports: its taps exist exactly while its worker runs.</summary>
public sealed partial class VirtualizationHost
{
    /// <summary>
    /// Creates a tap per adapter (on its switch's bridge when connected) and guards them before QEMU
    /// opens them, so the guest's first frame already meets its port's rules. Undone through <paramref name="revert"/>.
    /// </summary>
    private IReadOnlyList<NicAttachment> PlugVmPorts(VmRecord vm, Revert revert, Func<Guid, int?> bootIndex)
    {
        var adapters = _store.Transact(tx => tx.ListAdapters(vm.Id));
        if (adapters.Count == 0)
        {
            return [];
        }

        return WithNetwork($"Preparing the network adapters of '{vm.Name}'", () =>
        {
            var switches = _store.Transact(tx => tx.ListSwitches());
            var attachments = new List<NicAttachment>();
            foreach (var adapter in adapters)
            {
                var tap = NetAdapterCatalog.TapName(adapter.Id);
                // A tap left by a worker that died without HyperNest noticing would make creation fail.
                _network.DeleteLink(tap);
                _network.CreateTap(tap, switches.FirstOrDefault(s => s.Id == adapter.SwitchId)?.Bridge);
                revert.Add($"create tap {tap}", () => _network.DeleteLink(tap));
                attachments.Add(new NicAttachment(tap, adapter.Mac) { BootIndex = bootIndex(adapter.Id) });
            }

            ApplyPortGuards(starting: vm.Id);
            revert.Add("guard the new ports", () =>
            {
                using var _ = HostLock.ForNetwork(_paths);
                ApplyPortGuards(stopping: vm.Id);
            });
            // Before QEMU opens the taps, so the guest's first frame is already in its VLAN.
            foreach (var switchRecord in switches.Where(s => adapters.Any(a => a.SwitchId == s.Id)))
            {
                ApplySwitchVlans(switchRecord, PortsOn(switchRecord, starting: vm.Id));
            }

            return attachments;
        });
    }

    /// <summary>Once the worker runs: the guest sees no cable on adapters that are not connected to a switch.</summary>
    private void ShowUnpluggedCables(VmRecord vm)
    {
        var adapters = _store.Transact(tx => tx.ListAdapters(vm.Id));
        for (var i = 0; i < adapters.Count; i++)
        {
            if (adapters[i].SwitchId is null)
            {
                _backend.SetLinkState(vm, i, false);
            }
        }
    }

    /// <summary>After the worker ended: its taps go and the guard table forgets them. Failures only warn: the VM is off either way.</summary>
    private void UnplugVmPorts(VmRecord vm)
    {
        var adapters = _store.Transact(tx => tx.ListAdapters(vm.Id));
        if (adapters.Count == 0)
        {
            return;
        }

        try
        {
            using var _ = HostLock.ForNetwork(_paths);
            foreach (var adapter in adapters)
            {
                _network.DeleteLink(NetAdapterCatalog.TapName(adapter.Id));
            }

            ApplyPortGuards(stopping: vm.Id);
        }
        catch (NetworkBackendException ex)
        {
            Warn($"The network ports of '{vm.Name}' could not all be removed: {ex.Message}");
        }
    }

    /// <summary>
    /// A Start-VM killed between creating the VM's taps and launching QEMU leaves them behind (the next
    /// Start-VM replaces them). Remove-VM removes them, since nothing else would; a VM without leftovers
    /// costs one look at the kernel's links.
    /// </summary>
    private void RemoveLeftoverPorts(VmRecord vm)
    {
        var taps = _store.Transact(tx => tx.ListAdapters(vm.Id)).Select(a => NetAdapterCatalog.TapName(a.Id)).ToHashSet(StringComparer.Ordinal);
        if (taps.Count == 0)
        {
            return;
        }

        try
        {
            using var _ = HostLock.ForNetwork(_paths);
            if (_network.ListLinks().Any(link => taps.Contains(link.Name)))
            {
                UnplugVmPorts(vm);
            }
        }
        catch (NetworkBackendException ex)
        {
            Warn($"Leftover network ports of '{vm.Name}' could not be looked for: {ex.Message}");
        }
    }
}
