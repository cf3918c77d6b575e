using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Dynamic Memory: each running VM with it enabled gets what its guest needs plus its Buffer percent,
/// between its Minimum and Maximum, grown at once and given back as the guest frees memory. The demand is
/// the guest's own (its /proc/meminfo through the agent: used plus what its kernel keeps), as Hyper-V's
/// comes from its guest's integration services. While a hypervisor runs inside the VM its memory holds
/// still (the documents: "even if dynamic memory is enabled, the amount of memory will not fluctuate"),
/// unless the VM opts in with ResizeWithNestedHypervisor.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const long MiB = 1024 * 1024;

    /// <summary>A smaller surplus is left to the guest: its use swings, and each unplug costs it a page migration.</summary>
    private const long ShrinkStep = 32 * MiB;

    /// <summary>A guest that did not reach a target is not asked for it again this soon (each try can take seconds with the VM locked).</summary>
    private static readonly TimeSpan StuckRetry = TimeSpan.FromSeconds(30);

    public int BalanceDynamicMemory()
    {
        var resized = 0;
        foreach (var listed in _store.Transact(tx => tx.ListVms()).Where(v => v.DynamicMemoryEnabled && v.State == VmState.Running))
        {
            // A call changing the VM holds its lock: this round leaves it alone.
            using var vmLock = HostLock.TryForVm(_paths, listed.Id);
            if (vmLock is null)
            {
                continue;
            }

            var vm = _store.Transact(tx => tx.FindVm(listed.Id));
            if (vm is null)
            {
                // Removed since the list: the lock file this round made goes again.
                HostLock.DeleteVmLockFile(_paths, listed.Id);
                continue;
            }

            if (vm is not { State: VmState.Running, DynamicMemoryEnabled: true, WorkerMemory: { } layout } || !_backend.IsAlive(vm))
            {
                continue;
            }

            try
            {
                resized += Balance(vm, layout) ? 1 : 0;
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException or HostException)
            {
                Warn($"Dynamic Memory: '{vm.Name}': {ex.Message}");
            }
        }

        return resized;
    }

    private bool Balance(VmRecord vm, MemoryLayout layout)
    {
        if (_backend.ReadGuestMemory(vm) is not { } guest)
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        // The agent answered: as good as the sampler's heartbeat ping, which this read may have kept from the agent's one channel.
        LiveSamples.Answered(vm, now);
        var assigned = RuntimeMemory.Assigned(vm);
        var last = MemoryBalances.Find(vm);
        // What the kernel keeps for itself hardly changes; seen growing with what was plugged, the guest did not online it.
        var keeps = Math.Max(0, assigned - guest.TotalBytes);
        var kernelKeeps = Math.Min(last?.KernelKeepsBytes ?? keeps, keeps);
        var demand = guest.UsedBytes + kernelKeeps;
        var balance = new MemoryBalances.Balance(vm.Pid!.Value, demand, StatusOf(assigned, demand, vm.MemoryBuffer), null, kernelKeeps, last?.StuckTarget, last?.StuckAt ?? default);
        var held = keeps > kernelKeeps + 64 * MiB
            ? $"The guest has not onlined {VmRules.Format(keeps - kernelKeeps)} it was given (its kernel needs the virtio-mem driver and memhp_default_state=online_movable, as HyperNest's images have): Dynamic Memory gives it nothing more."
            : !vm.ResizeWithNestedHypervisor && _backend.HypervisorActive(vm) is not false
                ? "A hypervisor is running inside the virtual machine (NestedHypervisorActive), or QEMU could not be asked: as on Hyper-V its memory does not fluctuate while one runs. " +
                  "It moves again once the virtual machines inside stop; Set-VMMemory -ResizeWithNestedHypervisor $true lets it move meanwhile."
                : null;
        if (held is not null)
        {
            MemoryBalances.Record(vm, balance with { HeldReason = held });
            return false;
        }

        var floor = Math.Max(RuntimeMemory.Minimum(vm), layout.BaseBytes);
        var ceiling = Math.Min(RuntimeMemory.Maximum(vm), layout.MaximumBytes);
        var target = RuntimeMemory.Target(demand, vm.MemoryBuffer, floor, ceiling);
        var wanted = target > assigned || assigned - target >= ShrinkStep || assigned > ceiling;
        if (!wanted || target == assigned || (balance.StuckTarget == target && now - balance.StuckAt < StuckRetry))
        {
            MemoryBalances.Record(vm, balance);
            return false;
        }

        var reached = layout.BaseBytes + _backend.ResizeMemory(vm, layout.PluggedFor(target), CancellationToken.None);
        if (reached != assigned)
        {
            Update(vm.Id, current => current with { MemoryAssignedBytes = reached });
        }

        MemoryBalances.Record(vm, balance with
        {
            Status = StatusOf(reached, demand, vm.MemoryBuffer),
            StuckTarget = reached == target ? null : target,
            StuckAt = reached == target ? default : now,
        });
        return reached != assigned;
    }

    /// <summary>Hyper-V's memory status: OK with the buffer, Low without all of it, Warning below the demand itself.</summary>
    private static string StatusOf(long assigned, long demand, int bufferPercent) =>
        assigned >= demand + demand / 100 * bufferPercent ? "OK" : assigned >= demand ? "Low" : "Warning";
}
