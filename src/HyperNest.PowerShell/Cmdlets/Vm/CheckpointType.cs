namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>Hyper-V's checkpoint types (same values), so Set-VM -CheckpointType binds as on Windows; HyperNest has no checkpoints yet.</summary>
public enum CheckpointType
{
    Disabled = 2,
    Production = 3,
    ProductionOnly = 4,
    Standard = 5,
}
