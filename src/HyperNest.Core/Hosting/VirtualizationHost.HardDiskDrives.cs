using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Add-/Get-/Set-/Remove-VMHardDiskDrive. As on Hyper-V, SCSI disks come and go while the VM runs (QEMU
/// hot-plugs them on the VM's virtio-scsi controller) and IDE disks only while it is Off; a disk file is
/// attached to one VM at a time; removing a drive detaches its file and never deletes it.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const string HardDiskDevice = "Virtual Hard Disk";

    public IReadOnlyList<VmHardDiskDrive> GetVmHardDiskDrives(string vmName)
    {
        var vm = Load(vmName);
        return _store.Transact(tx => tx.ListDrives(vm.Id)).Where(d => d.Kind == DriveKind.HardDisk).Select(d => ToHardDiskView(vm, d)).ToList();
    }

    public VmHardDiskDrive AddVmHardDiskDrive(string vmName, AddDriveRequest request)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        if (request.Path is not { Length: > 0 } asked)
        {
            throw HostErrors.InvalidArgument(
                $"Failed to add device '{HardDiskDevice}' to '{vm.Name}': give -Path, the disk file to attach (New-VHD makes one). HyperNest attaches disk files only, not physical disks (-DiskNumber).", vm.Name);
        }

        var path = Path.GetFullPath(asked);
        var drives = _store.Transact(tx => tx.ListDrives(vm.Id));
        var (type, number, location) = DriveRules.Place(vm, drives, new(request.ControllerType, request.ControllerNumber, request.ControllerLocation), HardDiskDevice);
        RequireDriveChangeable(vm, DriveKind.HardDisk, type, "add device 'Virtual Hard Disk'");
        var format = CheckDiskFile(vm, path, except: null);
        var record = new DriveRecord
        {
            Id = Guid.NewGuid(),
            VmId = vm.Id,
            Kind = DriveKind.HardDisk,
            ControllerType = type,
            ControllerNumber = number,
            ControllerLocation = location,
            Path = path,
            Format = format,
        };

        var live = IsLive(vm);
        if (live)
        {
            HotPlug(vm, () => _backend.AttachDrive(vm, ToAttachment(record)), "add");
        }

        try
        {
            _store.Transact(tx =>
            {
                // Checked again inside the transaction: another HyperNest process may have taken the place or the file meanwhile.
                DriveRules.Place(vm, tx.ListDrives(vm.Id), new(type, number, location), HardDiskDevice);
                CheckNotAttached(vm, path, null, tx.ListDrives());
                tx.InsertDrive(record);
            });
        }
        catch when (live)
        {
            HotPlug(vm, () => _backend.DetachDrive(vm, ToAttachment(record)), "remove");
            throw;
        }

        return ToHardDiskView(vm, record);
    }

    /// <summary>Only while Off: QEMU cannot move a disk between controllers, nor swap its file, under a running guest.</summary>
    public VmHardDiskDrive SetVmHardDiskDrive(string vmName, Guid driveId, SetDriveRequest request)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var drive = FindDrive(vm, driveId, DriveKind.HardDisk);
        var moving = request.ToControllerType is not null || request.ToControllerNumber is not null || request.ToControllerLocation is not null;
        if (!moving && request.Path is null)
        {
            return ToHardDiskView(vm, drive);
        }

        if (vm.State != VmState.Off)
        {
            throw HostErrors.WrongState(vm.Name, "modify device 'Virtual Hard Disk'", vm.State,
                "HyperNest changes a drive's location or file only while the virtual machine is Off. Shut it down with Stop-VM; " +
                "to swap a SCSI disk while it runs, use Remove-VMHardDiskDrive and Add-VMHardDiskDrive.");
        }

        var next = drive;
        if (moving)
        {
            var drives = _store.Transact(tx => tx.ListDrives(vm.Id));
            var (type, number, location) = DriveRules.Place(vm, drives,
                new(request.ToControllerType ?? drive.ControllerType, request.ToControllerNumber ?? drive.ControllerNumber, request.ToControllerLocation ?? drive.ControllerLocation),
                HardDiskDevice, moving: drive.Id);
            next = next with { ControllerType = type, ControllerNumber = number, ControllerLocation = location };
        }

        if (request.Path is { } asked)
        {
            var path = Path.GetFullPath(asked);
            if (path != drive.Path)
            {
                // The new file is the user's: Remove-VM keeps it, as Hyper-V keeps every disk it did not make.
                next = next with { Path = path, Format = CheckDiskFile(vm, path, except: drive.Id), Owned = false };
            }
        }

        _store.Transact(tx => tx.UpdateDrive(next));
        return ToHardDiskView(vm, next);
    }

    /// <summary>Detaches the drive; its file stays where it is (Hyper-V semantics).</summary>
    public void RemoveVmHardDiskDrive(string vmName, Guid driveId)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var drive = FindDrive(vm, driveId, DriveKind.HardDisk);
        RequireDriveChangeable(vm, DriveKind.HardDisk, drive.ControllerType, "remove device 'Virtual Hard Disk'");
        var systemDisk = _store.Transact(tx => tx.ListDrives(vm.Id)).First(d => d.Kind == DriveKind.HardDisk);
        if (IsLive(vm) && drive.Id == systemDisk.Id)
        {
            // The system disk is a virtio-blk device (the guest's /dev/vda, its root), not a SCSI disk: no hot-unplug.
            throw HostErrors.WrongState(vm.Name, "remove device 'Virtual Hard Disk'", vm.State,
                "This drive is the virtual machine's system disk, which the guest runs from; it can only be removed while the virtual machine is Off.");
        }

        if (IsLive(vm))
        {
            HotPlug(vm, () => _backend.DetachDrive(vm, ToAttachment(drive)), "remove");
        }

        ForgetDrive(vm, drive);
    }

    private static bool IsLive(VmRecord vm) => vm.State is VmState.Running or VmState.Paused;

    /// <summary>
    /// Off: anything. Running or Paused: SCSI hard disks only (hot-plug, as Hyper-V allows); IDE has no hot-plug
    /// on Hyper-V either. Saved: nothing, as its saved device state expects the devices it had.
    /// </summary>
    private static void RequireDriveChangeable(VmRecord vm, DriveKind kind, ControllerType type, string action)
    {
        if (vm.State == VmState.Off || (IsLive(vm) && kind == DriveKind.HardDisk && type == ControllerType.SCSI))
        {
            return;
        }

        var whatToDo = vm.State switch
        {
            VmState.Saved => "A saved virtual machine's devices cannot change: its saved state expects the devices it had. Start it and shut it down, or discard the state with Remove-VMSavedState.",
            _ when kind == DriveKind.Dvd => "HyperNest adds, changes and removes DVD drives only while the virtual machine is Off. Shut it down with Stop-VM first.",
            _ => "IDE drives change only while the virtual machine is Off (as in Hyper-V). Shut it down with Stop-VM, or use a SCSI location, which takes disks while it runs.",
        };
        throw HostErrors.WrongState(vm.Name, action, vm.State, whatToDo);
    }

    /// <summary>The file exists, is a disk qemu-img can read, and no drive (of any VM) holds it; returns its QEMU format.</summary>
    private string CheckDiskFile(VmRecord vm, string path, Guid? except)
    {
        if (!File.Exists(path))
        {
            throw new HostException(
                $"Failed to add device '{HardDiskDevice}' to '{vm.Name}': the virtual hard disk '{path}' does not exist. Check -Path, or create the disk with New-VHD.",
                ErrorCategory.ObjectNotFound, "VhdNotFound", path);
        }

        CheckNotAttached(vm, path, except, _store.Transact(tx => tx.ListDrives()));
        var format = _disks.Inspect(path).VhdFormat.ToLowerInvariant();
        if (format is not ("qcow2" or "raw"))
        {
            throw HostErrors.InvalidArgument(
                $"Failed to add device '{HardDiskDevice}' to '{vm.Name}': '{path}' is a {format.ToUpperInvariant()} disk; HyperNest attaches QCOW2 and raw disks. " +
                "Convert it first, e.g. qemu-img convert -O qcow2 <file> <new file>.", path);
        }

        return format;
    }

    /// <summary>Two writers on one disk file corrupt it, so Hyper-V attaches a virtual hard disk to one drive at a time.</summary>
    private void CheckNotAttached(VmRecord vm, string path, Guid? except, IReadOnlyList<DriveRecord> allDrives)
    {
        var holder = allDrives.FirstOrDefault(d => d.Kind == DriveKind.HardDisk && d.Id != except && string.Equals(d.Path, path, StringComparison.Ordinal));
        if (holder is null)
        {
            return;
        }

        var owner = holder.VmId == vm.Id ? vm.Name : _store.Transact(tx => tx.FindVm(holder.VmId))?.Name ?? holder.VmId.ToString();
        throw new HostException(
            $"Failed to add device '{HardDiskDevice}' to '{vm.Name}': '{path}' is already attached to virtual machine '{owner}' " +
            $"({holder.ControllerType} controller {holder.ControllerNumber}, location {holder.ControllerLocation}). A virtual hard disk belongs to one drive at a time: " +
            "detach it there first (Remove-VMHardDiskDrive), or make a differencing disk of it with New-VHD -ParentPath.",
            ErrorCategory.ResourceBusy, "DiskInUse", path);
    }

    private DriveRecord FindDrive(VmRecord vm, Guid driveId, DriveKind kind) =>
        _store.Transact(tx => tx.ListDrives(vm.Id)).FirstOrDefault(d => d.Id == driveId && d.Kind == kind)
        ?? throw new HostException(
            $"'{vm.Name}' has no {DriveRules.Describe(kind)} with id {driveId}; it may have been removed. {(kind == DriveKind.Dvd ? "Get-VMDvdDrive" : "Get-VMHardDiskDrive")} -VMName '{vm.Name}' lists its drives.",
            ErrorCategory.ObjectNotFound, "DriveNotFound", vm.Name);

    /// <summary>Deletes the drive's record and its place in the boot order; never its file.</summary>
    private void ForgetDrive(VmRecord vm, DriveRecord drive) => _store.Transact(tx =>
    {
        tx.DeleteDrive(drive.Id);
        if (tx.FindVm(vm.Id) is { } current && current.BootOrder.Contains(drive.Id))
        {
            tx.UpdateVm(current with { BootOrder = current.BootOrder.Where(id => id != drive.Id).ToList() });
        }
    });

    /// <summary>A hot-plug the worker refused (an old worker without the SCSI controller, a guest that holds on) changes nothing.</summary>
    private static void HotPlug(VmRecord vm, Action plug, string verb)
    {
        try
        {
            plug();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException)
        {
            throw new HostException(
                $"'{vm.Name}' failed to {verb} device '{HardDiskDevice}' while it runs: {ex.Message} Shut it down with Stop-VM and try again.",
                ErrorCategory.InvalidOperation, "HotPlugFailed", vm.Name, ex);
        }
    }

    private static DriveAttachment ToAttachment(DriveRecord drive) =>
        new(drive.Id, drive.Kind, drive.ControllerType, drive.ControllerNumber, drive.ControllerLocation, drive.Path, drive.Format);

    private static VmHardDiskDrive ToHardDiskView(VmRecord vm, DriveRecord drive) => new()
    {
        VMName = vm.Name,
        VMId = vm.Id,
        DriveId = drive.Id,
        ControllerType = drive.ControllerType,
        ControllerNumber = drive.ControllerNumber,
        ControllerLocation = drive.ControllerLocation,
        Path = drive.Path ?? "",
    };

    private static VmDvdDrive ToDvdView(VmRecord vm, DriveRecord drive) => new()
    {
        VMName = vm.Name,
        VMId = vm.Id,
        DriveId = drive.Id,
        ControllerType = drive.ControllerType,
        ControllerNumber = drive.ControllerNumber,
        ControllerLocation = drive.ControllerLocation,
        Path = drive.Path,
    };
}
