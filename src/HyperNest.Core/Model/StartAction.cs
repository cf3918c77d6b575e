namespace HyperNest.Model;

/// <summary>What the host does with a VM when the host starts (Hyper-V's StartAction, same values).</summary>
public enum StartAction
{
    Nothing = 2,

    /// <summary>Start the VM if it was running when the host stopped (Hyper-V's default).</summary>
    StartIfRunning = 3,

    Start = 4,
}
