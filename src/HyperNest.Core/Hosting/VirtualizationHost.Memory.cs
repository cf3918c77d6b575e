using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Get-VMMemory and Set-VMMemory: startup memory set while Off, or changed at run time (Hyper-V's runtime
/// memory resize) through the VM's virtio-mem device (<see cref="RuntimeMemory"/>); and the documents' rule:
/// "When Hyper-V is running inside a virtual machine, the virtual machine must be turned off to adjust its
/// memory", unless the VM opts out with ResizeWithNestedHypervisor (KVM, unlike Hyper-V, copes).
/// </summary>
public sealed partial class VirtualizationHost
{
    public VmMemory GetVmMemory(string name) => ToMemory(Load(name));

    public VmMemory SetVmMemory(string name, SetMemoryRequest request)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        if (request.StartupBytes is { } startup)
        {
            VmRules.CheckMemory(startup, _backend.Capabilities.MemoryCapacity, vm.Name);
        }

        // Every check runs on the settings as they would be before anything is written; a running VM's
        // resize (which writes what the guest then has) goes with the opt-in the same call sets.
        var configured = CheckDynamicMemory(vm, new DynamicMemoryChange(request.DynamicMemoryEnabled, request.MinimumBytes, request.StartupBytes, request.MaximumBytes, request.Buffer, request.Priority))
            with { ResizeWithNestedHypervisor = request.ResizeWithNestedHypervisor ?? vm.ResizeWithNestedHypervisor };
        if (request.StartupBytes is { } bytes)
        {
            ResizeIfRunning(configured, bytes, "-StartupBytes");
        }

        vm = Update(vm.Id, current => WithDynamicMemory(current, configured) with
        {
            ResizeWithNestedHypervisor = configured.ResizeWithNestedHypervisor,
            MemoryStartupBytes = current.State == VmState.Off ? configured.MemoryStartupBytes : current.MemoryStartupBytes,
        });
        return ToMemory(vm);
    }

    /// <summary>
    /// A new startup memory for <paramref name="vm"/> (its settings as the call would leave them): nothing to do
    /// now while Off (the caller stores it); a running static VM is resized at once, and what its guest then has
    /// is stored. A running VM with Dynamic Memory keeps its startup memory (CheckDynamicMemory refused a change).
    /// </summary>
    private void ResizeIfRunning(VmRecord vm, long bytes, string parameter)
    {
        switch (vm.State)
        {
            case VmState.Off:
                return;
            case VmState.Running when vm.DynamicMemoryEnabled:
                return;
            case VmState.Running:
                ResizeRunningMemory(vm, bytes, parameter);
                return;
            default:
                throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "InvalidState",
                    $"The virtual machine is {vm.State}; its memory can change while it is Running (at run time) or Off. " +
                    (vm.State == VmState.Paused ? "Resume it (Resume-VM)" : "Start it (Start-VM) or discard its saved state (Remove-VMSavedState)") + $", then set {parameter}.");
        }
    }

    /// <summary>A Set-VMMemory or Set-VM's Dynamic Memory inputs; null: leave as is.</summary>
    private sealed record DynamicMemoryChange(bool? Enabled, long? Minimum, long? Startup, long? Maximum, int? Buffer, int? Priority);

    /// <summary>The Dynamic Memory settings the VM has after <paramref name="change"/>, checked with Hyper-V's rules first (nothing is written).</summary>
    private VmRecord CheckDynamicMemory(VmRecord vm, DynamicMemoryChange change)
    {
        if (change.Enabled is { } enabled && enabled != vm.DynamicMemoryEnabled && vm.State != VmState.Off)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "InvalidState",
                $"Dynamic Memory can be turned {(enabled ? "on" : "off")} only while the virtual machine is Off; it is {vm.State}. Turn it off (Stop-VM), then try again.");
        }

        if (change.Enabled == true && vm.Generation == 2)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.NotImplemented, "DynamicMemoryUnavailable",
                "Dynamic Memory is not available for generation 2 (UEFI) virtual machines yet: a guest kernel booted by OVMF with hot-pluggable memory crashed in HyperNest's tests. Use a generation 1 virtual machine, or static memory.");
        }

        if (change.Buffer is < 5 or > 2000)
        {
            throw HostErrors.InvalidArgument($"'{vm.Name}': the memory buffer must be 5 to 2000 (percent of the guest's demand); {change.Buffer} was given.", vm.Name);
        }

        if (change.Priority is < 0 or > 100)
        {
            throw HostErrors.InvalidArgument($"'{vm.Name}': the memory priority must be 0 to 100; {change.Priority} was given.", vm.Name);
        }

        foreach (var (bytes, what) in new[] { (change.Minimum, "minimum"), (change.Maximum, "maximum") })
        {
            if (bytes is { } given && (given < VmRules.MinimumMemoryBytes || given % VmRules.MemoryAlignmentBytes != 0 || given > RuntimeMemory.DefaultMaximumBytes))
            {
                throw HostErrors.InvalidArgument($"'{vm.Name}': the {what} memory must be 32 MB to 1 TB, a multiple of 2 MB; {VmRules.Format(given)} was given.", vm.Name);
            }
        }

        var next = vm with
        {
            DynamicMemoryEnabled = change.Enabled ?? vm.DynamicMemoryEnabled,
            MemoryMinimumBytes = change.Minimum ?? vm.MemoryMinimumBytes,
            MemoryMaximumBytes = change.Maximum ?? vm.MemoryMaximumBytes,
            MemoryStartupBytes = change.Startup ?? vm.MemoryStartupBytes,
            MemoryBuffer = change.Buffer ?? vm.MemoryBuffer,
            MemoryPriority = change.Priority ?? vm.MemoryPriority,
        };
        if (next.DynamicMemoryEnabled && (change.Enabled is not null || change.Minimum is not null || change.Maximum is not null || change.Startup is not null))
        {
            var (minimum, startup, maximum) = (RuntimeMemory.Minimum(next), next.MemoryStartupBytes, RuntimeMemory.Maximum(next));
            if (minimum > startup || startup > maximum)
            {
                throw HostErrors.InvalidArgument(
                    $"'{vm.Name}': Dynamic Memory needs minimum <= startup <= maximum; that would be {VmRules.Format(minimum)}, {VmRules.Format(startup)} and {VmRules.Format(maximum)}. Give -MinimumBytes, -StartupBytes and -MaximumBytes that fit.",
                    vm.Name);
            }
        }

        if (next.DynamicMemoryEnabled && vm.State != VmState.Off && change.Startup is { } changed && changed != vm.MemoryStartupBytes)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "InvalidState",
                "The startup memory of a virtual machine with Dynamic Memory changes only while it is Off: while it runs, Dynamic Memory moves its memory between its minimum and maximum. Change -MinimumBytes or -MaximumBytes instead, or turn it off (Stop-VM).");
        }

        return next;
    }

    /// <summary><paramref name="vm"/> with the Dynamic Memory settings of <paramref name="settings"/> (its startup memory is not one).</summary>
    private static VmRecord WithDynamicMemory(VmRecord vm, VmRecord settings) => vm with
    {
        DynamicMemoryEnabled = settings.DynamicMemoryEnabled,
        MemoryMinimumBytes = settings.MemoryMinimumBytes,
        MemoryMaximumBytes = settings.MemoryMaximumBytes,
        MemoryBuffer = settings.MemoryBuffer,
        MemoryPriority = settings.MemoryPriority,
    };

    /// <summary>Resizes a running static VM and stores what its guest then has (also when it could only get part of the way, before saying so).</summary>
    private void ResizeRunningMemory(VmRecord vm, long bytes, string parameter)
    {
        if (vm.WorkerMemory is not { } layout)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "RuntimeResizeUnavailable", vm.Generation == 2
                ? $"Runtime memory resize is not available for generation 2 (UEFI) virtual machines yet: a guest kernel booted by OVMF with hot-pluggable memory crashed in HyperNest's tests. Turn it off (Stop-VM) and set {parameter}."
                : $"'{vm.Name}' was started by a HyperNest that could not resize memory at run time. Restart it once (Stop-VM, Start-VM), or turn it off and set {parameter}.");
        }

        var before = RuntimeMemory.Assigned(vm);
        if (bytes == before)
        {
            Update(vm.Id, current => current with { MemoryStartupBytes = bytes });
            return;
        }

        // The documents' rule, checked on the live VM: enabling nesting alone changes nothing, only a
        // hypervisor running inside does. Not knowing is no answer.
        var hypervisor = vm.ResizeWithNestedHypervisor ? false : HypervisorState(vm);
        if (hypervisor is null)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.ResourceBusy, "HypervisorStateUnknown",
                $"Could not ask '{vm.Name}' whether a hypervisor runs inside it (its QEMU monitor is busy), and while one runs its memory must not change. Try again.");
        }

        if (hypervisor == true)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "NestedHypervisorActive",
                $"A hypervisor is running inside '{vm.Name}' (NestedHypervisorActive), and while one runs the virtual machine must be turned off to adjust its memory, as on Hyper-V. " +
                $"Stop the virtual machines inside it (the rule no longer applies once its hypervisor is idle), or turn it off (Stop-VM) and set {parameter}; " +
                $"or, beyond Hyper-V, allow it: Set-VMMemory -VMName '{vm.Name}' -ResizeWithNestedHypervisor $true (KVM keeps the inner virtual machines running).");
        }

        if (bytes < layout.BaseBytes || bytes > layout.MaximumBytes)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidArgument, "RuntimeResizeOutOfRange",
                $"While it runs, '{vm.Name}' can have {VmRules.Format(layout.BaseBytes)} to {VmRules.Format(layout.MaximumBytes)} " +
                $"(it booted with {VmRules.Format(layout.BaseBytes)}; it can grow to the host's memory or {RuntimeMemory.MaximumGrowth} times what it booted with, whichever is less); {VmRules.Format(bytes)} was asked for. " +
                $"Turn it off (Stop-VM) to give it {VmRules.Format(bytes)}.");
        }

        if (bytes < before)
        {
            RequireRoomToShrink(vm, before, bytes);
        }

        var plugged = _backend.ResizeMemory(vm, layout.PluggedFor(bytes), CancellationToken.None);
        var now = layout.BaseBytes + plugged;
        Update(vm.Id, current => current with { MemoryStartupBytes = now, MemoryAssignedBytes = now });
        if (now != before)
        {
            RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}''s memory was resized from {VmRules.Format(before)} to {VmRules.Format(now)} while it runs.");
        }

        if (now == bytes)
        {
            return;
        }

        throw bytes > before && now == before
            ? DeviceError(vm, "Memory", ErrorCategory.DeviceError, "GuestIgnoredResize",
                $"The guest in '{vm.Name}' did not take the memory: it has no virtio-mem driver, or does not online hot-added memory (HyperNest's images do both). It still has {VmRules.Format(now)}. Turn it off (Stop-VM) and set {parameter}.")
            : DeviceError(vm, "Memory", ErrorCategory.ResourceBusy, "GuestHoldsMemory",
                $"The guest in '{vm.Name}' could give back only part of its memory: it has {VmRules.Format(now)} of the {VmRules.Format(bytes)} asked for, and uses the rest. " +
                "Free memory in the guest (stop programs, empty tmpfs) and try again, or turn it off (Stop-VM) and set it.");
    }

    /// <summary>
    /// A shrink must leave the guest what it needs plus room (<see cref="RuntimeMemory.LeastToKeep"/>), asked of
    /// the guest itself through its agent. One whose agent does not answer gives back what it can, and the
    /// error then says what it kept.
    /// </summary>
    private void RequireRoomToShrink(VmRecord vm, long before, long bytes)
    {
        if (_backend.ReadGuestMemory(vm) is not { } guest)
        {
            return;
        }

        // What the kernel keeps for itself (before - MemTotal) stays the same as the memory shrinks.
        var least = RuntimeMemory.LeastToKeep(guest.UsedBytes + Math.Max(0, before - guest.TotalBytes));
        if (bytes < least)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.ResourceBusy, "GuestHoldsMemory",
                $"The guest in '{vm.Name}' uses {VmRules.Format(guest.UsedBytes)} of its memory (MemTotal - MemAvailable); with room to work in it needs at least {VmRules.Format(least)}, " +
                $"so it cannot shrink to {VmRules.Format(bytes)}. Free memory in the guest (stop programs, empty tmpfs) and try again, or turn it off (Stop-VM) and set it.");
        }
    }

    private static VmMemory ToMemory(VmRecord vm) => ToMemory(vm, vm.DynamicMemoryEnabled && vm.State == VmState.Running ? MemoryBalances.Find(vm)?.HeldReason : null);

    private static VmMemory ToMemory(VmRecord vm, string? heldReason) => new()
    {
        Held = heldReason is not null,
        HeldReason = heldReason,
        VMName = vm.Name,
        VMId = vm.Id,
        Startup = vm.MemoryStartupBytes,
        DynamicMemoryEnabled = vm.DynamicMemoryEnabled,
        Minimum = RuntimeMemory.Minimum(vm),
        Maximum = RuntimeMemory.Maximum(vm),
        Buffer = vm.MemoryBuffer,
        Priority = vm.MemoryPriority,
        ResizeWithNestedHypervisor = vm.ResizeWithNestedHypervisor,
    };
}
