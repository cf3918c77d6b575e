namespace HyperNest.Model;

/// <summary>What the host does with a running VM when the host shuts down (Hyper-V's StopAction, same values).</summary>
public enum StopAction
{
    TurnOff = 2,

    /// <summary>Save the VM's state (Hyper-V's default).</summary>
    Save = 3,

    ShutDown = 4,
}
