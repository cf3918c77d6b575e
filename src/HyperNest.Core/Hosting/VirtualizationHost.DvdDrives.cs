using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Add-/Get-/Set-/Remove-VMDvdDrive: a CD-ROM device holding an ISO file read-only, or empty. Hyper-V puts
/// DVD drives on IDE in generation 1 and on SCSI in generation 2. HyperNest changes them only while the VM is Off.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const string DvdDevice = "Virtual DVD Drive";

    public IReadOnlyList<VmDvdDrive> GetVmDvdDrives(string vmName)
    {
        var vm = Load(vmName);
        return _store.Transact(tx => tx.ListDrives(vm.Id)).Where(d => d.Kind == DriveKind.Dvd).Select(d => ToDvdView(vm, d)).ToList();
    }

    public VmDvdDrive AddVmDvdDrive(string vmName, AddDriveRequest request)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var record = NewDvdRecord(vm, request);
        _store.Transact(tx =>
        {
            DriveRules.Place(vm, tx.ListDrives(vm.Id), new(record.ControllerType, record.ControllerNumber, record.ControllerLocation), DvdDevice);
            tx.InsertDrive(record);
        });
        return ToDvdView(vm, record);
    }

    /// <summary>Only while Off: changes the ISO (-Path), takes it out (RemoveMedia), or moves the drive.</summary>
    public VmDvdDrive SetVmDvdDrive(string vmName, Guid driveId, SetDriveRequest request)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var drive = FindDrive(vm, driveId, DriveKind.Dvd);
        RequireDriveChangeable(vm, DriveKind.Dvd, drive.ControllerType, "modify device 'Virtual DVD Drive'");
        if (request.ToControllerType is { } type && type != DvdControllerType(vm))
        {
            throw HostErrors.InvalidArgument(
                $"Failed to modify device '{DvdDevice}' of '{vm.Name}': a generation {vm.Generation} virtual machine's DVD drives hang on {DvdControllerType(vm)}, not {type}.", vm.Name);
        }

        var next = drive;
        if (request.ToControllerNumber is not null || request.ToControllerLocation is not null)
        {
            var (_, number, location) = DriveRules.Place(vm, _store.Transact(tx => tx.ListDrives(vm.Id)),
                new(drive.ControllerType, request.ToControllerNumber ?? drive.ControllerNumber, request.ToControllerLocation ?? drive.ControllerLocation),
                DvdDevice, moving: drive.Id);
            next = next with { ControllerNumber = number, ControllerLocation = location };
        }

        if (request.RemoveMedia)
        {
            next = next with { Path = null };
        }
        else if (request.Path is { } asked)
        {
            next = next with { Path = CheckIsoFile(vm, asked) };
        }

        if (next != drive)
        {
            _store.Transact(tx => tx.UpdateDrive(next));
        }

        return ToDvdView(vm, next);
    }

    /// <summary>Only while Off. The ISO file stays.</summary>
    public void RemoveVmDvdDrive(string vmName, Guid driveId)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var drive = FindDrive(vm, driveId, DriveKind.Dvd);
        RequireDriveChangeable(vm, DriveKind.Dvd, drive.ControllerType, "remove device 'Virtual DVD Drive'");
        ForgetDrive(vm, drive);
    }

    /// <summary>Checked and placed, not stored: New-VM -BootDevice CD uses it too.</summary>
    private DriveRecord NewDvdRecord(VmRecord vm, AddDriveRequest request)
    {
        var type = DvdControllerType(vm);
        if (request.ControllerType is { } asked && asked != type)
        {
            throw HostErrors.InvalidArgument(
                $"Failed to add device '{DvdDevice}' to '{vm.Name}': a generation {vm.Generation} virtual machine's DVD drives hang on {type}, not {asked}.", vm.Name);
        }

        var (_, number, location) = DriveRules.Place(vm, _store.Transact(tx => tx.ListDrives(vm.Id)), new(type, request.ControllerNumber, request.ControllerLocation), DvdDevice);
        RequireDriveChangeable(vm, DriveKind.Dvd, type, "add device 'Virtual DVD Drive'");
        return new DriveRecord
        {
            Id = Guid.NewGuid(),
            VmId = vm.Id,
            Kind = DriveKind.Dvd,
            ControllerType = type,
            ControllerNumber = number,
            ControllerLocation = location,
            Path = request.Path is { Length: > 0 } path ? CheckIsoFile(vm, path) : null,
            Format = "raw",
        };
    }

    /// <summary>Hyper-V: generation 1 DVD drives are IDE devices; generation 2 has only SCSI.</summary>
    private static ControllerType DvdControllerType(VmRecord vm) => vm.Generation == 1 ? ControllerType.IDE : ControllerType.SCSI;

    /// <summary>An ISO is only read, so several drives and VMs may share one (as on Hyper-V); it must exist.</summary>
    private static string CheckIsoFile(VmRecord vm, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw HostErrors.InvalidArgument(
                $"Failed to add media to device '{DvdDevice}' of '{vm.Name}': '{full}' is a folder. Give an ISO image file; HyperNest has no pass-through of host drives.", full);
        }

        if (!File.Exists(full))
        {
            throw new HostException(
                $"Failed to add media to device '{DvdDevice}' of '{vm.Name}': the ISO file '{full}' does not exist. Check -Path.",
                ErrorCategory.ObjectNotFound, "IsoNotFound", full);
        }

        return full;
    }
}
