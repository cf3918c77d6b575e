namespace HyperNest.Model;

/// <summary>The states Hyper-V reports for a VM (Microsoft.HyperV.PowerShell.VMState subset that applies here).</summary>
public enum VmState
{
    Off,
    Starting,
    Running,
    Paused,
    Saved,
    Stopping,
    Saving,
}
