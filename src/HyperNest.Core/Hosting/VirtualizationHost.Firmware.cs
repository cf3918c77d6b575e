using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Get-/Set-VMFirmware: a generation 2 VM's UEFI settings. The boot order becomes QEMU bootindex properties
/// on the drives and network adapters, which OVMF reads as its boot order.
/// </summary>
public sealed partial class VirtualizationHost
{
    public VmFirmware GetVmFirmware(string vmName)
    {
        var vm = Load(vmName);
        RequireGeneration2(vm, "Get-VMFirmware");
        return ToFirmware(vm);
    }

    /// <summary>Only while Off, as Hyper-V's firmware settings. Secure Boot On is refused: HyperNest's OVMF has none.</summary>
    public VmFirmware SetVmFirmware(string vmName, SetFirmwareRequest request)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        RequireGeneration2(vm, "Set-VMFirmware");
        if (request.EnableSecureBoot == OnOffState.On)
        {
            throw new HostException(
                $"'{vm.Name}' cannot have Secure Boot: HyperNest's generation 2 firmware is the OVMF build without Secure Boot ({Qemu.QemuFirmware.OvmfCode}), " +
                "because the Secure Boot build needs QEMU's SMM emulation, which costs every VM boot time under TCG. Use -EnableSecureBoot Off, and a guest that boots without it.",
                ErrorCategory.NotImplemented, "SecureBootNotSupported", vm.Name);
        }

        if (vm.State != VmState.Off)
        {
            throw HostErrors.WrongState(vm.Name, "modify its firmware settings", vm.State, "Firmware settings change only while the virtual machine is Off. Shut it down with Stop-VM first.");
        }

        var (drives, adapters) = _store.Transact(tx => (tx.ListDrives(vm.Id), tx.ListAdapters(vm.Id)));
        var devices = drives.Select(d => d.Id).Concat(adapters.Select(a => a.Id)).ToHashSet();
        var order = vm.BootOrder;
        if (request.BootOrder is { } asked)
        {
            CheckBootDevices(vm, asked, devices);
            if (asked.Distinct().Count() != asked.Count)
            {
                throw HostErrors.InvalidArgument($"'{vm.Name}': -BootOrder names a device twice. Give each drive or network adapter once.", vm.Name);
            }

            order = asked;
        }

        if (request.FirstBootDevice is { } first)
        {
            CheckBootDevices(vm, [first], devices);
            order = [first, .. BootOrderRules.Effective(order, drives, adapters).Where(id => id != first)];
        }

        if (request.SecureBootTemplate is not null)
        {
            Warn($"'{vm.Name}': the Secure Boot template is stored, but has no effect: Secure Boot is off on HyperNest.");
        }

        if (request.PreferredNetworkBootProtocol == IPProtocolPreference.IPv6)
        {
            Warn($"'{vm.Name}': the IPv6 preference is stored, but QEMU's network boot ROM (iPXE) decides which protocol it tries.");
        }

        var updated = Update(vm.Id, current => current with
        {
            BootOrder = order,
            SecureBootTemplate = request.SecureBootTemplate ?? current.SecureBootTemplate,
            PreferredNetworkBootProtocol = request.PreferredNetworkBootProtocol ?? current.PreferredNetworkBootProtocol,
        });
        return ToFirmware(updated);
    }

    /// <summary>Hyper-V's VMFirmware cmdlets are for generation 2 (UEFI) VMs; generation 1 has a BIOS.</summary>
    private static void RequireGeneration2(VmRecord vm, string cmdlet)
    {
        if (vm.Generation != 2)
        {
            throw new HostException(
                $"{cmdlet} is only supported on generation 2 virtual machines: '{vm.Name}' is generation 1, whose firmware is a BIOS (SeaBIOS) with no UEFI settings.",
                ErrorCategory.InvalidOperation, "InvalidVirtualMachineGeneration", vm.Name);
        }
    }

    private static void CheckBootDevices(VmRecord vm, IEnumerable<Guid> asked, IReadOnlySet<Guid> devices)
    {
        var unknown = asked.Where(id => !devices.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw HostErrors.InvalidArgument(
                $"'{vm.Name}' has no drive or network adapter with id {string.Join(", ", unknown)}. A boot entry must be one of this virtual machine's devices " +
                $"(Get-VMHardDiskDrive, Get-VMDvdDrive, Get-VMNetworkAdapter -VMName '{vm.Name}').", vm.Name);
        }
    }

    private VmFirmware ToFirmware(VmRecord vm)
    {
        var (drives, adapters, switches) = _store.Transact(tx => (tx.ListDrives(vm.Id), tx.ListAdapters(vm.Id), tx.ListSwitches()));
        var entries = new List<VmBootSource>();
        foreach (var id in BootOrderRules.Effective(vm.BootOrder, drives, adapters))
        {
            if (drives.FirstOrDefault(d => d.Id == id) is { } drive)
            {
                entries.Add(new VmBootSource
                {
                    BootType = BootSourceType.Drive,
                    Description = "EFI SCSI Device",
                    Device = drive.Kind == DriveKind.Dvd ? ToDvdView(vm, drive) : ToHardDiskView(vm, drive),
                    DeviceId = id,
                    VMName = vm.Name,
                });
            }
            else if (adapters.FirstOrDefault(a => a.Id == id) is { } adapter)
            {
                entries.Add(new VmBootSource
                {
                    BootType = BootSourceType.Network,
                    Description = "EFI Network",
                    Device = ToAdapterView(vm, adapter, switches),
                    DeviceId = id,
                    VMName = vm.Name,
                });
            }
        }

        return new VmFirmware
        {
            VMName = vm.Name,
            VMId = vm.Id,
            SecureBootTemplate = vm.SecureBootTemplate,
            PreferredNetworkBootProtocol = vm.PreferredNetworkBootProtocol,
            BootOrder = entries,
        };
    }
}
