namespace HyperNest.Qemu.GuestAgent;

/// <summary>guest-shutdown's "mode".</summary>
public enum GuestShutdownMode
{
    Powerdown,
    Halt,
    Reboot,
}
