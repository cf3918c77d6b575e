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
        RefuseDynamicMemory(vm, request.DynamicMemoryEnabled, request.MinimumBytes, request.MaximumBytes, "Set-VMMemory -StartupBytes");
        if (request.StartupBytes is { } startup)
        {
            VmRules.CheckMemory(startup, _backend.Capabilities.MemoryCapacity, vm.Name);
        }

        // First, so that a resize the opt-in allows sees it.
        if (request.ResizeWithNestedHypervisor is { } optIn && optIn != vm.ResizeWithNestedHypervisor)
        {
            vm = Update(vm.Id, current => current with { ResizeWithNestedHypervisor = optIn });
        }

        if (request.StartupBytes is { } bytes)
        {
            vm = SetStartupMemory(vm, bytes, "-StartupBytes");
        }

        return ToMemory(vm);
    }

    /// <summary>Off: the next start's memory. Running: resized now. Under the VM's lock, checked against the host's memory.</summary>
    private VmRecord SetStartupMemory(VmRecord vm, long bytes, string parameter)
    {
        switch (vm.State)
        {
            case VmState.Off:
                return Update(vm.Id, current => current with { MemoryStartupBytes = bytes });
            case VmState.Running:
                return ResizeRunningMemory(vm, bytes, parameter);
            default:
                throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "InvalidState",
                    $"The virtual machine is {vm.State}; its memory can change while it is Running (at run time) or Off. " +
                    (vm.State == VmState.Paused ? "Resume it (Resume-VM)" : "Start it (Start-VM) or discard its saved state (Remove-VMSavedState)") + $", then set {parameter}.");
        }
    }

    private VmRecord ResizeRunningMemory(VmRecord vm, long bytes, string parameter)
    {
        if (vm.WorkerMemory is not { } layout)
        {
            throw DeviceError(vm, "Memory", ErrorCategory.InvalidOperation, "RuntimeResizeUnavailable",
                $"'{vm.Name}' was started by a HyperNest that could not resize memory at run time. Restart it once (Stop-VM, Start-VM), or turn it off and set {parameter}.");
        }

        if (bytes == vm.MemoryStartupBytes)
        {
            return vm;
        }

        // The documents' rule, checked on the live VM: enabling nesting alone changes nothing, only a
        // hypervisor running inside does.
        if (!vm.ResizeWithNestedHypervisor && HypervisorActive(vm))
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
                $"(it booted with {VmRules.Format(layout.BaseBytes)}, and the host has {VmRules.Format(layout.MaximumBytes)}); {VmRules.Format(bytes)} was asked for. " +
                $"Turn it off (Stop-VM) to give it {VmRules.Format(bytes)}.");
        }

        var before = vm.MemoryStartupBytes;
        if (bytes < before)
        {
            RequireRoomToShrink(vm, before, bytes);
        }

        var plugged = _backend.ResizeMemory(vm, layout.PluggedFor(bytes), CancellationToken.None);
        var now = layout.BaseBytes + plugged;
        var resized = now == before ? vm : Update(vm.Id, current => current with { MemoryStartupBytes = now });
        if (now != before)
        {
            RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}''s memory was resized from {VmRules.Format(before)} to {VmRules.Format(now)} while it runs.");
        }

        if (now == bytes)
        {
            return resized;
        }

        throw bytes > before && now == before
            ? DeviceError(vm, "Memory", ErrorCategory.DeviceError, "GuestIgnoredResize",
                $"The guest in '{vm.Name}' did not take the memory: it has no virtio-mem driver, or does not online hot-added memory (HyperNest's images do both). It still has {VmRules.Format(now)}. Turn it off (Stop-VM) and set {parameter}.")
            : DeviceError(vm, "Memory", ErrorCategory.ResourceBusy, "GuestHoldsMemory",
                $"The guest in '{vm.Name}' could give back only part of its memory: it has {VmRules.Format(now)} of the {VmRules.Format(bytes)} asked for, and uses the rest. " +
                "Free memory in the guest (stop programs, empty tmpfs) and try again, or turn it off (Stop-VM) and set it.");
    }

    /// <summary>
    /// The guest's driver gives back whatever is free, down to nothing: a guest shrunk below what it uses is
    /// left with no free memory and its OOM killer ends programs (seen: the PowerShell Direct session). So a
    /// shrink must leave the guest what it uses plus some room (a tenth of that, at least 64 MB); asked
    /// through the agent, and when it does not answer, the guest gives back what it can.
    /// </summary>
    private void RequireRoomToShrink(VmRecord vm, long before, long bytes)
    {
        if (_backend.ReadGuestMemory(vm) is not { } guest)
        {
            return;
        }

        // What the kernel keeps for itself (before - MemTotal) stays the same as the memory shrinks.
        var room = Math.Max(64L << 20, guest.UsedBytes / 10);
        var least = guest.UsedBytes + (before - guest.TotalBytes) + room;
        if (bytes < least)
        {
            var fewest = (least + RuntimeMemory.BlockBytes - 1) / RuntimeMemory.BlockBytes * RuntimeMemory.BlockBytes;
            throw DeviceError(vm, "Memory", ErrorCategory.ResourceBusy, "GuestHoldsMemory",
                $"The guest in '{vm.Name}' uses {VmRules.Format(guest.UsedBytes)} of its memory (MemTotal - MemAvailable); with room to work in it needs at least {VmRules.Format(fewest)}, " +
                $"so it cannot shrink to {VmRules.Format(bytes)}. Free memory in the guest (stop programs, empty tmpfs) and try again, or turn it off (Stop-VM) and set it.");
        }
    }

    /// <summary>Dynamic Memory (a balloon driven by the guest's demand) is another issue's work; until then only static memory exists.</summary>
    private static void RefuseDynamicMemory(VmRecord vm, bool? dynamicMemory, long? minimumBytes, long? maximumBytes, string staticAlternative)
    {
        if (dynamicMemory == true || minimumBytes is not null || maximumBytes is not null)
        {
            throw HostErrors.InvalidArgument($"'{vm.Name}': Dynamic Memory is not available in this HyperNest yet. Use static memory: {staticAlternative}.", vm.Name);
        }
    }

    private static VmMemory ToMemory(VmRecord vm) => new()
    {
        VMName = vm.Name,
        VMId = vm.Id,
        Startup = vm.MemoryStartupBytes,
        DynamicMemoryEnabled = false,
        Minimum = vm.MemoryStartupBytes,
        Maximum = vm.MemoryStartupBytes,
        ResizeWithNestedHypervisor = vm.ResizeWithNestedHypervisor,
    };
}
