using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// A VM's boot order (Set-VMFirmware -BootOrder, New-VM -BootDevice) over its current devices. Hyper-V
/// keeps an explicit order and appends devices added later; devices removed drop out.
/// </summary>
internal static class BootOrderRules
{
    /// <summary>The stored order's devices that still exist, then every other one: hard drives, DVD drives, then adapters.</summary>
    public static IReadOnlyList<Guid> Effective(IReadOnlyList<Guid> stored, IReadOnlyList<DriveRecord> drives, IReadOnlyList<NetworkAdapterRecord> adapters)
    {
        var all = drives.Where(d => d.Kind == DriveKind.HardDisk)
            .Concat(drives.Where(d => d.Kind == DriveKind.Dvd))
            .Select(d => d.Id)
            .Concat(adapters.OrderBy(a => a.Slot).Select(a => a.Id))
            .ToList();
        return stored.Where(all.Contains).Concat(all.Where(id => !stored.Contains(id))).ToList();
    }

    /// <summary>
    /// QEMU's bootindex for the device: null while the VM keeps the default order, so VMs that never had one
    /// set start exactly as before. Counted from 1: with -kernel, QEMU gives the kernel loader's option ROM
    /// bootindex 0, which a device may not share.
    /// </summary>
    public static int? BootIndex(VmRecord vm, IReadOnlyList<Guid> effective, Guid deviceId)
    {
        var index = effective.ToList().IndexOf(deviceId);
        return vm.BootOrder.Count == 0 || index < 0 ? null : index + 1;
    }
}
