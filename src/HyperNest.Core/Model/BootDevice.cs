namespace HyperNest.Model;

/// <summary>Hyper-V's BootDevice values for New-VM -BootDevice (Microsoft.HyperV.PowerShell.BootDevice).</summary>
public enum BootDevice
{
    Floppy,
    CD,
    IDE,
    LegacyNetworkAdapter,
    NetworkAdapter,
    VHD,
}
