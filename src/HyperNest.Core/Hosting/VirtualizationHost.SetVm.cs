using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>Set-VM: the VM-level settings in one call, with the rules of Set-VMProcessor, Set-VMMemory and Rename-VM.</summary>
public sealed partial class VirtualizationHost
{
    /// <summary>
    /// Every input is checked before anything is written, and everything is written in one transaction,
    /// so a refused Set-VM changes nothing (Hyper-V applies Set-VM as one ModifySystemSettings call); a running
    /// VM's resize comes first and stores what its guest then has.
    /// </summary>
    public VirtualMachine SetVm(string name, SetVmRequest request)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        var dynamicMemory = CheckDynamicMemory(vm, new DynamicMemoryChange(request.DynamicMemoryEnabled, request.MemoryMinimumBytes, request.MemoryStartupBytes, request.MemoryMaximumBytes, null, null));
        if (request.ProcessorCount is { } count)
        {
            RequireOffForProcessor(vm);
            VmRules.CheckProcessorCount(count, _backend.Capabilities.LogicalProcessorCount, vm.Name);
        }

        if (request.MemoryStartupBytes is { } startup)
        {
            VmRules.CheckMemory(startup, _backend.Capabilities.MemoryCapacity, vm.Name);
        }

        if (request.NewName is { } newName)
        {
            VmRules.CheckName(newName);
        }

        CheckAutomaticActions(vm, request);
        if (request.NewName is { } wanted && _store.Transact(tx => tx.FindVm(wanted)) is { } existing && existing.Id != vm.Id)
        {
            throw HostErrors.VmExists(wanted);
        }

        // The one change that acts on a running guest, last of the checks and before the rest is written (it
        // stores what the guest then has): a resize refused or only partly done leaves every other setting as it was.
        if (request.MemoryStartupBytes is { } memory && vm.State != VmState.Off)
        {
            ResizeIfRunning(dynamicMemory, memory, "-MemoryStartupBytes");
            request = request with { MemoryStartupBytes = null };
        }

        var updated = _store.Transact(tx =>
        {
            var current = tx.FindVm(vm.Id) ?? throw HostErrors.VmNotFound(name);
            if (request.NewName is { } taken && tx.FindVm(taken) is { } other && other.Id != vm.Id)
            {
                throw HostErrors.VmExists(taken);
            }

            // Another HyperNest process may have started the VM since it was loaded.
            if (request.ProcessorCount is not null)
            {
                RequireOffForProcessor(current);
            }

            var next = Apply(WithDynamicMemory(current, dynamicMemory), request);
            if (next != current)
            {
                tx.UpdateVm(next);
            }

            return next;
        });
        return ToView(updated);
    }

    private static VmRecord Apply(VmRecord current, SetVmRequest request) => current with
    {
        Name = request.NewName ?? current.Name,
        ProcessorCount = request.ProcessorCount ?? current.ProcessorCount,
        MemoryStartupBytes = request.MemoryStartupBytes ?? current.MemoryStartupBytes,
        Notes = request.Notes ?? current.Notes,
        AutomaticStartAction = request.AutomaticStartAction ?? current.AutomaticStartAction,
        AutomaticStopAction = request.AutomaticStopAction ?? current.AutomaticStopAction,
        AutomaticStartDelay = request.AutomaticStartDelay ?? current.AutomaticStartDelay,
        AutomaticCheckpointsEnabled = request.AutomaticCheckpointsEnabled ?? current.AutomaticCheckpointsEnabled,
    };

    /// <summary>The enums come from callers that can cast any number (a web API, [StartAction]7 in a script).</summary>
    private static void CheckAutomaticActions(VmRecord vm, SetVmRequest request)
    {
        if (request.AutomaticStartAction is { } start && !Enum.IsDefined(start))
        {
            throw HostErrors.InvalidArgument($"-AutomaticStartAction {start} is not one of Nothing, StartIfRunning or Start.", vm.Name);
        }

        if (request.AutomaticStopAction is { } stop && !Enum.IsDefined(stop))
        {
            throw HostErrors.InvalidArgument($"-AutomaticStopAction {stop} is not one of TurnOff, Save or ShutDown.", vm.Name);
        }

        if (request.AutomaticStartDelay is < 0)
        {
            throw HostErrors.InvalidArgument($"-AutomaticStartDelay {request.AutomaticStartDelay} is negative: give the seconds to wait before the automatic start (0 or more).", vm.Name);
        }
    }
}
