using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Dynamic Memory: each running VM with it enabled gets what its guest needs plus its Buffer percent,
/// between its Minimum and Maximum, grown at once and given back as the guest frees memory. The demand is
/// the guest's own (its /proc/meminfo through the agent: used plus what its kernel keeps), as Hyper-V's
/// comes from its guest's integration services. Under the host's limit for VMs (Set-VMHost
/// -VirtualMachineMemoryLimitBytes) each keeps its minimum and the rest goes by Priority, highest first, as
/// Hyper-V's balancer does. While a hypervisor runs inside the VM its memory holds still (the documents:
/// "even if dynamic memory is enabled, the amount of memory will not fluctuate"), unless the VM opts in with
/// ResizeWithNestedHypervisor.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const long MiB = 1024 * 1024;

    /// <summary>A smaller surplus is left to the guest: its use swings, and each unplug costs it a page migration.</summary>
    private const long ShrinkStep = 32 * MiB;

    /// <summary>A guest that did not reach a target is not asked for it again this soon (each try can take seconds with the VM locked).</summary>
    private static readonly TimeSpan StuckRetry = TimeSpan.FromSeconds(30);

    /// <summary>One VM's round: what its guest needs, the least and most it may have, and what it is to get.</summary>
    /// <param name="Limited">The host's limit cut its target: it gives back even less than <see cref="ShrinkStep"/>, or the VMs would overrun the limit.</param>
    private sealed record MemoryPlan(VmRecord Vm, MemoryLayout Layout, MemoryBalances.Balance Balance, long Floor, long Target, bool Held, bool Limited = false);

    public int BalanceDynamicMemory()
    {
        var running = _store.Transact(tx => tx.ListVms()).Where(v => v.State is VmState.Running or VmState.Paused && v.Pid is not null).ToList();
        var plans = new List<MemoryPlan>();
        foreach (var vm in running.Where(v => v.DynamicMemoryEnabled && v.State == VmState.Running && v.WorkerMemory is not null && _backend.IsAlive(v)))
        {
            try
            {
                if (Plan(vm, vm.WorkerMemory!) is { } plan)
                {
                    plans.Add(plan);
                }
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException or HostException)
            {
                Warn($"Dynamic Memory: '{vm.Name}': {ex.Message}");
            }
        }

        if (VirtualMachineMemoryLimit() is > 0 and var limit)
        {
            // The VMs without Dynamic Memory keep what they have; the others share the rest.
            plans = ShareByPriority(plans, limit - running.Where(v => !v.DynamicMemoryEnabled).Sum(RuntimeMemory.Assigned));
        }

        var resized = 0;
        foreach (var plan in plans)
        {
            try
            {
                resized += Apply(plan) ? 1 : 0;
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException or HostException)
            {
                Warn($"Dynamic Memory: '{plan.Vm.Name}': {ex.Message}");
            }
        }

        return resized;
    }

    /// <summary>What the VM's guest needs now and the target that gives it; null when its agent does not answer.</summary>
    private MemoryPlan? Plan(VmRecord vm, MemoryLayout layout)
    {
        if (_backend.ReadGuestMemory(vm) is not { } guest)
        {
            return null;
        }

        // The agent answered: as good as the sampler's heartbeat ping, which this read may have kept from the agent's one channel.
        LiveSamples.Answered(vm, _clock.GetUtcNow());
        var assigned = RuntimeMemory.Assigned(vm);
        var last = MemoryBalances.Find(vm);
        // What the kernel keeps for itself hardly changes; seen growing with what was plugged, the guest did not online it.
        var keeps = Math.Max(0, assigned - guest.TotalBytes);
        var kernelKeeps = Math.Min(last?.KernelKeepsBytes ?? keeps, keeps);
        var demand = guest.UsedBytes + kernelKeeps;
        var balance = new MemoryBalances.Balance(vm.Pid!.Value, demand, StatusOf(assigned, demand, vm.MemoryBuffer), null, kernelKeeps, last?.StuckTarget, last?.StuckAt ?? default);
        var held = keeps > kernelKeeps + 64 * MiB
            ? $"The guest has not onlined {VmRules.Format(keeps - kernelKeeps)} it was given (its kernel needs the virtio-mem driver and memhp_default_state=online_movable, as HyperNest's images have): Dynamic Memory gives it nothing more."
            : !vm.ResizeWithNestedHypervisor && HypervisorState(vm) is not false
                ? "A hypervisor is running inside the virtual machine (NestedHypervisorActive), or QEMU could not be asked: as on Hyper-V its memory does not fluctuate while one runs. " +
                  "It moves again once the virtual machines inside stop; Set-VMMemory -ResizeWithNestedHypervisor $true lets it move meanwhile."
                : null;
        if (held is not null)
        {
            return new MemoryPlan(vm, layout, balance with { HeldReason = held }, assigned, assigned, Held: true);
        }

        var floor = Math.Max(RuntimeMemory.Minimum(vm), layout.BaseBytes);
        var ceiling = Math.Min(RuntimeMemory.Maximum(vm), layout.MaximumBytes);
        return new MemoryPlan(vm, layout, balance, floor, RuntimeMemory.Target(demand + RisingRounds * Rise(last, demand), vm.MemoryBuffer, floor, ceiling), Held: false);
    }

    /// <summary>
    /// A guest whose demand rose since the last round is given room for this many more rounds of the same rise:
    /// what it is given must land before it runs out, and adding memory takes memory in the guest itself (its
    /// page structures). Given only its demand plus buffer, a guest filling a tmpfs at ~25 MB/s from its 256 MB
    /// minimum ran out while virtio-mem was adding a block (ENOMEM), and its OOM killer ended the PowerShell
    /// session (DynamicMemoryTests). The room goes back in the first round without a rise.
    /// </summary>
    private const int RisingRounds = 2;

    private static long Rise(MemoryBalances.Balance? last, long demand) => last is null ? 0 : Math.Max(0, demand - last.DemandBytes);

    /// <summary>
    /// Within <paramref name="budget"/>: every VM keeps its floor, and what is left goes to the VMs by Priority,
    /// highest first, each up to its target. The limit stops growth and takes back surplus, but never takes
    /// from a guest what it needs to work (<see cref="RuntimeMemory.LeastToKeep"/>): its driver would give up
    /// the memory its programs need, and its OOM killer would end them. A held VM keeps what it has.
    /// </summary>
    private static List<MemoryPlan> ShareByPriority(List<MemoryPlan> plans, long budget)
    {
        long Kept(MemoryPlan p) => p.Held ? p.Target : Math.Max(p.Floor, Math.Min(RuntimeMemory.Assigned(p.Vm), RuntimeMemory.LeastToKeep(p.Balance.DemandBytes)));
        var left = budget - plans.Sum(Kept);
        var shared = new List<MemoryPlan>();
        foreach (var plan in plans.OrderByDescending(p => p.Vm.MemoryPriority).ThenBy(p => p.Vm.Name, StringComparer.OrdinalIgnoreCase))
        {
            var kept = Math.Min(Kept(plan), plan.Target);
            var more = Math.Clamp(left, 0, plan.Target - kept) / RuntimeMemory.BlockBytes * RuntimeMemory.BlockBytes;
            left -= more;
            shared.Add(plan with { Target = kept + more, Limited = kept + more < plan.Target });
        }

        return shared;
    }

    /// <summary>Resizes the VM to its plan's target under its lock (a call changing it keeps it for the next round).</summary>
    private bool Apply(MemoryPlan plan)
    {
        var (vm, layout, balance, target) = (plan.Vm, plan.Layout, plan.Balance, plan.Target);
        var assigned = RuntimeMemory.Assigned(vm);
        var now = _clock.GetUtcNow();
        var wanted = !plan.Held && target != assigned && (target > assigned || assigned - target >= ShrinkStep || plan.Limited)
            && !(balance.StuckTarget == target && now - balance.StuckAt < StuckRetry);
        if (!wanted)
        {
            MemoryBalances.Record(vm, balance);
            return false;
        }

        using var vmLock = HostLock.TryForVm(_paths, vm.Id);
        var current = vmLock is null ? null : _store.Transact(tx => tx.FindVm(vm.Id));
        if (current is null && vmLock is not null)
        {
            // Removed since this round began: the lock file it made goes again.
            HostLock.DeleteVmLockFile(_paths, vm.Id);
        }

        if (current is null || current.Pid != vm.Pid || current.State != VmState.Running || RuntimeMemory.Assigned(current) != assigned)
        {
            return false;
        }

        var reached = layout.BaseBytes + _backend.ResizeMemory(current, layout.PluggedFor(target), CancellationToken.None);
        if (reached != assigned)
        {
            Update(vm.Id, record => record with { MemoryAssignedBytes = reached });
        }

        MemoryBalances.Record(vm, balance with
        {
            Status = StatusOf(reached, balance.DemandBytes, vm.MemoryBuffer),
            StuckTarget = reached == target ? null : target,
            StuckAt = reached == target ? default : now,
        });
        return reached != assigned;
    }

    /// <summary>Hyper-V's memory status: OK with the buffer, Low without all of it, Warning below the demand itself.</summary>
    private static string StatusOf(long assigned, long demand, int bufferPercent) =>
        assigned >= demand + demand / 100 * bufferPercent ? "OK" : assigned >= demand ? "Low" : "Warning";
}
