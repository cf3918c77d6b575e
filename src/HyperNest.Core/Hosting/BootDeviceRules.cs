using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// New-VM -BootDevice. Hyper-V's generation 1 BIOS boots from IDE, CD, floppy or a legacy network adapter;
/// generation 2 UEFI from a VHD, a DVD (CD) or a network adapter. HyperNest has no floppy drive and no legacy
/// (emulated DEC 21140) network adapter, so those are refused, as are the values the generation lacks.
/// </summary>
internal static class BootDeviceRules
{
    public static void Check(NewVmRequest request)
    {
        if (request.BootDevice is not { } device)
        {
            return;
        }

        var hasDisk = request.Image is not null || request.NewVhdPath is not null || request.VhdPath is not null;
        var why = (device, request.Generation) switch
        {
            (BootDevice.Floppy, _) => "HyperNest virtual machines have no floppy drive. Boot from a disk (-BootDevice VHD or IDE) or a DVD (-BootDevice CD).",
            (BootDevice.LegacyNetworkAdapter, _) => "HyperNest has no legacy (emulated) network adapter. Network boot needs generation 2: New-VM -Generation 2 -BootDevice NetworkAdapter.",
            (BootDevice.NetworkAdapter, 1) => "a generation 1 virtual machine network-boots only from a legacy network adapter, which HyperNest does not have. Use New-VM -Generation 2 -BootDevice NetworkAdapter.",
            (BootDevice.IDE, 2) => "a generation 2 virtual machine has no IDE controller. Use -BootDevice VHD, which boots its SCSI disk.",
            (BootDevice.VHD or BootDevice.IDE, _) when !hasDisk => "the virtual machine would have no disk to boot from. Give -NewVHDPath, -VHDPath or -Image.",
            (BootDevice.CD or BootDevice.IDE or BootDevice.VHD or BootDevice.NetworkAdapter, _) => null,
            _ => $"{device} is not one of Floppy, CD, IDE, LegacyNetworkAdapter, NetworkAdapter or VHD.",
        };
        if (why is not null)
        {
            throw HostErrors.InvalidArgument($"'{request.Name}' cannot boot from {device}: {why}", request.Name);
        }
    }

    /// <summary>The device New-VM puts first in the boot order; null keeps the default order.</summary>
    public static Guid? FirstDevice(BootDevice? device, IReadOnlyList<DriveRecord> drives, IReadOnlyList<NetworkAdapterRecord> adapters) => device switch
    {
        BootDevice.CD => drives.First(d => d.Kind == DriveKind.Dvd).Id,
        BootDevice.VHD or BootDevice.IDE => drives.First(d => d.Kind == DriveKind.HardDisk).Id,
        BootDevice.NetworkAdapter => adapters.OrderBy(a => a.Slot).First().Id,
        _ => null,
    };
}
