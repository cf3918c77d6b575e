namespace HyperNest.Qemu;

/// <summary>The name QEMU knows a VM by: "hn-" and the VM's GUID, never the user's VM name.</summary>
public static class QemuGuestName
{
    public static string For(Guid vmId) => "hn-" + vmId.ToString("D");
}
