namespace HyperNest.Model;

/// <summary>
/// The states Hyper-V reports for a VM, with Microsoft.HyperV.PowerShell.VMState's numeric values (a
/// script may compare <c>[int]$vm.State</c>); the state store keeps the names, so the numbers can follow
/// Hyper-V's. Only the states that apply to a QEMU VM are listed; Other stands for anything unexpected.
/// </summary>
public enum VmState
{
    Other = 1,
    Running = 2,
    Off = 3,
    Stopping = 4,
    Saved = 6,
    Paused = 9,
    Starting = 10,
    Reset = 11,
    Saving = 32773,
    Pausing = 32776,
    Resuming = 32777,
}
