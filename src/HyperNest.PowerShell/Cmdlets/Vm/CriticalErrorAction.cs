namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>Hyper-V's action when the VM's storage fails (same values), accepted by Set-VM; QEMU's own disk error policy applies.</summary>
public enum CriticalErrorAction
{
    None = 0,
    Pause = 1,
}
