using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>Creating, removing and configuring VMs.</summary>
public sealed partial class VirtualizationHost
{
    public VmHost GetHost()
    {
        var caps = _backend.Capabilities;
        var nesting = NestedVirtualizationSupport.Evaluate(caps);
        return new VmHost
        {
            NestedVirtualizationSupported = nesting.Supported,
            NestedVirtualizationMode = nesting.Mode,
            NestedVirtualizationPrerequisites = nesting.Prerequisites,
            ComputerName = Environment.MachineName,
            LogicalProcessorCount = caps.LogicalProcessorCount,
            MemoryCapacity = caps.MemoryCapacity,
            VirtualMachineMemoryLimit = VirtualMachineMemoryLimit(),
            ProcessorVendor = caps.ProcessorVendor,
            ProcessorModel = caps.ProcessorModel,
            Accelerator = caps.Accelerator,
            AcceleratorReason = caps.AcceleratorReason,
            VirtualMachinePath = _paths.VmRoot,
            VirtualHardDiskPath = _paths.VmRoot,
            QemuVersion = caps.QemuVersion,
            SupportedVersions = VmConfigurationVersion.Supported.Select(v => v.ToString()).ToList(),
            DefaultVersion = VmConfigurationVersion.Default.ToString(),
        };
    }

    /// <summary>host_settings key: Set-VMHost -VirtualMachineMemoryLimitBytes (absent: no limit).</summary>
    private const string VirtualMachineMemoryLimitKey = "vm_memory_limit";

    public VmHost SetHost(SetHostRequest request)
    {
        if (request.VirtualMachineMemoryLimitBytes is { } limit)
        {
            if (limit < 0 || limit % VmRules.MemoryAlignmentBytes != 0)
            {
                throw HostErrors.InvalidArgument($"-VirtualMachineMemoryLimitBytes must be a multiple of 2 MB (0 removes the limit); {limit} was given.");
            }

            _store.Transact(tx => tx.SetSetting(VirtualMachineMemoryLimitKey, limit == 0 ? null : limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            _backend.SetVirtualMachineMemoryLimit(limit == 0 ? null : limit);
        }

        return GetHost();
    }

    private long VirtualMachineMemoryLimit() =>
        long.TryParse(_store.Transact(tx => tx.GetSetting(VirtualMachineMemoryLimitKey)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : 0;

    public IReadOnlyList<VmHostSupportedVersion> GetSupportedVersions() =>
        VmConfigurationVersion.Supported
            .Select(v => new VmHostSupportedVersion($"Microsoft Windows Server / HyperNest configuration {v}", v.ToString(), v == VmConfigurationVersion.Default))
            .ToList();

    /// <summary>Any state is fine; the VM is created Off.</summary>
    public VirtualMachine NewVm(NewVmRequest request, IProgress<ProgressUpdate>? progress = null)
    {
        VmRules.CheckName(request.Name);
        VmRules.CheckGeneration(request.Generation);
        VmRules.CheckMemory(request.MemoryStartupBytes, _backend.Capabilities.MemoryCapacity, request.Name);
        var version = request.Version ?? VmConfigurationVersion.Default;
        VmRules.CheckVersionSupported(version);
        // Checked before the disk is made, so a wrong switch name costs nothing.
        var switchRecord = request.SwitchName is { } switchName ? FindSwitchOrThrow(switchName) : null;

        var folder = request.Path is { } parent ? ChooseVmFolder(parent, request.Name) : null;
        BootDeviceRules.Check(request);

        if (_store.Transact(tx => tx.FindVm(request.Name)) is not null)
        {
            throw HostErrors.VmExists(request.Name);
        }

        var id = Guid.NewGuid();
        using var journal = BeginOperation(OperationKind.NewVm, id, NewVmCreates(request, id, folder));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            // Pruning finds the image builds a VM's overlay uses by searching the registered VM folders.
            _images.RegisterVmFolder(folder);
        }

        (string? Path, bool Owned, string Format) disk;
        try
        {
            disk = PrepareDisk(request, id, folder, progress);
        }
        catch when (folder is not null)
        {
            DeleteDirectory(folder);
            throw;
        }

        var record = new VmRecord
        {
            Id = id,
            Folder = folder,
            Name = request.Name,
            Generation = request.Generation,
            Version = version,
            MemoryStartupBytes = request.MemoryStartupBytes,
            ProcessorCount = 1,
            ImageName = request.Image,
            CreatedAt = _clock.GetUtcNow(),
        };

        // Hyper-V's places: the new VM's disk on IDE 0:0 (generation 1) or SCSI 0:0 (generation 2); -BootDevice CD
        // adds an empty DVD drive, on IDE 1:0 (generation 1) or the next SCSI location (generation 2).
        var bootType = request.Generation == 2 ? ControllerType.SCSI : ControllerType.IDE;
        var drives = new List<DriveRecord>();
        if (disk.Path is { } diskPath)
        {
            drives.Add(new DriveRecord { Id = Guid.NewGuid(), VmId = id, Kind = DriveKind.HardDisk, ControllerType = bootType, Path = diskPath, Format = disk.Format, Owned = disk.Owned });
        }

        if (request.BootDevice == BootDevice.CD)
        {
            drives.Add(new DriveRecord
            {
                Id = Guid.NewGuid(),
                VmId = id,
                Kind = DriveKind.Dvd,
                ControllerType = bootType,
                ControllerNumber = request.Generation == 2 ? 0 : 1,
                ControllerLocation = request.Generation == 2 ? drives.Count : 0,
                Format = "raw",
            });
        }

        try
        {
            _store.Transact(tx =>
            {
                // Checked again inside the transaction: another process may have taken the name meanwhile.
                if (tx.FindVm(request.Name) is not null)
                {
                    throw HostErrors.VmExists(request.Name);
                }

                tx.InsertVm(record);
                AddDefaultAdapter(tx, id, switchRecord?.Id);
                drives.ForEach(tx.InsertDrive);
                if (BootDeviceRules.FirstDevice(request.BootDevice, drives, tx.ListAdapters(id)) is { } first)
                {
                    record = record with { BootOrder = [first] };
                    tx.UpdateVm(record);
                }
            });
        }
        catch
        {
            DeleteDirectory(folder ?? _paths.VmDirectory(id));
            throw;
        }

        RecordEvent(record, VmEventLevel.Information, $"'{record.Name}' was created.");
        return ToView(record);
    }

    /// <summary>
    /// What New-VM may make outside the store, for the journal: its folders, and the -NewVHDPath disk when no
    /// file is there yet (a New-VM killed half-way must not take a file that was there before it).
    /// </summary>
    private IEnumerable<string> NewVmCreates(NewVmRequest request, Guid id, string? folder)
    {
        if (folder is not null && !Directory.Exists(folder))
        {
            yield return folder;
        }

        yield return _paths.VmDirectory(id);
        if (request.NewVhdPath is { } newPath && Path.GetFullPath(newPath) is var disk && !File.Exists(disk))
        {
            yield return disk;
        }
    }

    /// <summary>
    /// The new VM's disk: an existing one (-VHDPath, checked like Add-VMHardDiskDrive's), a new one
    /// (-NewVHDPath, the user's file), or an overlay of an image in the VM's folder (HyperNest's own, so
    /// Remove-VM deletes it).
    /// </summary>
    private (string? Path, bool Owned, string Format) PrepareDisk(NewVmRequest request, Guid id, string? folder, IProgress<ProgressUpdate>? progress)
    {
        if (request.VhdPath is { } existing)
        {
            var full = Path.GetFullPath(existing);
            var probe = new VmRecord { Id = id, Name = request.Name, Version = VmConfigurationVersion.Default };
            return (full, false, CheckDiskFile(probe, full, except: null));
        }

        string? backing = null;
        long size;
        string path;
        if (request.Image is { } imageName)
        {
            if (!_images.IsKnown(imageName))
            {
                throw HostErrors.InvalidArgument($"There is no image named \"{imageName}\". Get-VMImage lists the images HyperNest can build.", imageName);
            }

            var image = _images.FindBuilt(imageName) ?? _images.Build(imageName, force: false, progress, CancellationToken.None);
            backing = image.DiskPath ?? throw HostErrors.Failed($"Image \"{imageName}\" has no disk.");
            size = 0;
            path = Path.Combine(folder ?? _paths.VmDirectory(id), "disk.qcow2");
        }
        else if (request.NewVhdPath is { } newPath)
        {
            size = request.NewVhdSizeBytes ?? throw HostErrors.InvalidArgument("-NewVHDPath needs -NewVHDSizeBytes: say how big the new disk is.");
            path = Path.GetFullPath(newPath);
            if (File.Exists(path))
            {
                throw HostErrors.InvalidArgument($"The file '{path}' already exists. Use -VHDPath to attach an existing disk, or choose another -NewVHDPath.", path);
            }
        }
        else
        {
            return (null, false, "");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _disks.Create(path, size, backing, preallocate: false);
        return (path, backing is not null, "qcow2");
    }

    /// <summary>Only while Off or Saved (a Saved VM's state is discarded with it). Disks the user named are kept, as in Hyper-V.</summary>
    public void RemoveVm(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        if (vm.State is not (VmState.Off or VmState.Saved))
        {
            throw HostErrors.WrongState(vm.Name, "be deleted", vm.State, "Stop it first with Stop-VM (or Stop-VM -TurnOff), then run Remove-VM again.");
        }

        RemoveLeftoverPorts(vm);

        // As in Hyper-V, disks the user named (-NewVHDPath, -VHDPath, Add-VMHardDiskDrive) stay; the disks
        // HyperNest made (image overlays) and the VM's own folder (firmware variables, saved state) go.
        // The journal lists them before the record goes, so a Remove-VM killed after that still deletes them.
        var owned = _store.Transact(tx => tx.ListDrives(vm.Id)).Where(d => d.Owned && d.Path is not null).Select(d => d.Path!);
        List<string> removed = [.. owned, _paths.VmDirectory(vm), _paths.VmDirectory(vm.Id), _paths.RuntimeDirectory(vm.Id)];
        using var journal = BeginOperation(OperationKind.RemoveVm, vm.Id, removed);
        _store.Transact(tx => tx.DeleteVm(vm.Id));
        _backend.CleanRuntime(vm);
        DeleteRemovedVmFiles(vm.Id, removed);
        RecordEvent(vm, VmEventLevel.Information, $"'{vm.Name}' was removed.");
    }

    /// <summary>What is left of a removed VM: its files and folders, then its lock file.</summary>
    private void DeleteRemovedVmFiles(Guid id, IEnumerable<string> paths)
    {
        DeletePaths(paths);
        HostLock.DeleteVmLockFile(_paths, id);
    }

    /// <summary>Each path, whether a file or a folder (the journal lists both alike); one that is gone is skipped.</summary>
    private static void DeletePaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            DeleteFile(path);
            DeleteDirectory(path);
        }
    }

    /// <summary>Any state.</summary>
    public VirtualMachine RenameVm(string name, string newName)
    {
        VmRules.CheckName(newName);
        using var _ = LockVm(name);
        var vm = Load(name);
        var renamed = _store.Transact(tx =>
        {
            if (tx.FindVm(newName) is { } other && other.Id != vm.Id)
            {
                throw HostErrors.VmExists(newName);
            }

            var current = tx.FindVm(vm.Id) ?? throw HostErrors.VmNotFound(name);
            var next = current with { Name = newName };
            tx.UpdateVm(next);
            return next;
        });
        return ToView(renamed);
    }

    public VmProcessor GetVmProcessor(string name)
    {
        var vm = Load(name);
        return ToProcessor(vm) with { NestedHypervisorActive = vm.State is VmState.Running or VmState.Paused && HypervisorActive(vm) };
    }

    /// <summary>
    /// Only while Off: QEMU fixes the CPU model and count when the worker starts. Exposing virtualization
    /// extensions also needs the host's nested-virtualization prerequisites and a configuration version of
    /// 8.0 (Intel) or 9.3 (AMD, and software SVM) — the documents' rules.
    /// </summary>
    public VmProcessor SetVmProcessor(string name, SetProcessorRequest request)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        RequireOffForProcessor(vm);
        if (request.Count is { } count)
        {
            VmRules.CheckProcessorCount(count, _backend.Capabilities.LogicalProcessorCount, vm.Name);
        }

        if (request.ExposeVirtualizationExtensions == true)
        {
            var nesting = NestedVirtualizationSupport.Evaluate(_backend.Capabilities);
            if (!nesting.Supported)
            {
                throw DeviceError(vm, "Processor", ErrorCategory.NotEnabled, "NestedVirtualizationNotSupported",
                    $"This host cannot expose virtualization extensions: {nesting.FailureReason} Get-VMHost lists every prerequisite.");
            }

            if (vm.Version < nesting.MinimumVersion)
            {
                throw DeviceError(vm, "Processor", ErrorCategory.InvalidOperation, "UnsupportedConfigurationVersion",
                    $"Nested virtualization needs configuration version {nesting.MinimumVersion} or later on this host ({nesting.Mode}); the virtual machine has {vm.Version}. " +
                    $"Upgrade it with Update-VMVersion -Name '{vm.Name}', then try again.");
            }
        }

        var updated = Update(vm.Id, current => current with
        {
            ProcessorCount = request.Count ?? current.ProcessorCount,
            ExposeVirtualizationExtensions = request.ExposeVirtualizationExtensions ?? current.ExposeVirtualizationExtensions,
        });
        return ToProcessor(updated);
    }

    /// <summary>QEMU fixes the CPU count when the worker starts (Set-VMProcessor and Set-VM -ProcessorCount).</summary>
    private static void RequireOffForProcessor(VmRecord vm)
    {
        if (vm.State != VmState.Off)
        {
            throw DeviceError(vm, "Processor", ErrorCategory.InvalidOperation, "InvalidState",
                $"The virtual machine is {vm.State}; processor settings can only change while it is Off. " +
                (vm.State == VmState.Saved
                    ? "Discard its saved state with Remove-VMSavedState (or Start-VM it and shut it down), then try again."
                    : "Shut it down with Stop-VM, then try again."));
        }
    }

    /// <summary>Hyper-V's three-line device error: what failed, which VM (with its id), then why and what to do.</summary>
    private static HostException DeviceError(VmRecord vm, string device, ErrorCategory category, string errorId, string reason) => new(
        $"Failed to modify device '{device}'.\n'{vm.Name}' failed to modify device '{device}'. (Virtual machine ID {vm.Id.ToString("D").ToUpperInvariant()})\n{reason}",
        category, errorId, vm.Name);

    /// <summary>Only while Off; the version only goes up.</summary>
    public VirtualMachine UpdateVmVersion(string name, VmConfigurationVersion? target = null)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        if (vm.State != VmState.Off)
        {
            throw HostErrors.WrongState(vm.Name, "update its configuration version", vm.State, "Turn the virtual machine off (Stop-VM) and try again.");
        }

        var version = target ?? VmConfigurationVersion.Default;
        VmRules.CheckVersionSupported(version);
        if (version < vm.Version)
        {
            throw new HostException(
                $"'{vm.Name}' has configuration version {vm.Version}; it cannot be downgraded to {version}. Configuration versions only go up.",
                ErrorCategory.InvalidOperation, "VersionDowngrade", vm.Name);
        }

        return ToView(Update(vm.Id, current => current with { Version = version }));
    }

    /// <summary>Only while Saved.</summary>
    public VirtualMachine RemoveVmSavedState(string name)
    {
        using var _ = LockVm(name);
        var vm = Load(name);
        if (vm.State != VmState.Saved)
        {
            throw HostErrors.WrongState(vm.Name, "remove its saved state", vm.State, "Only a virtual machine in the Saved state has a saved state to remove.");
        }

        var off = Update(vm.Id, current => current with { State = VmState.Off, SavedStatePath = null, StatusMessage = null, WorkerMemory = null, MemoryAssignedBytes = null });
        DeleteFile(vm.SavedStatePath);
        return ToView(off);
    }

    private static VmProcessor ToProcessor(VmRecord vm) => new()
    {
        VMName = vm.Name,
        VMId = vm.Id,
        Count = vm.ProcessorCount,
        ExposeVirtualizationExtensions = vm.ExposeVirtualizationExtensions,
    };

    /// <summary>
    /// New-VM -Path: the VM's files go to &lt;Path&gt;/&lt;Name&gt;, as Hyper-V makes a folder named after the VM there.
    /// Remove-VM deletes that folder with everything in it, so it must be new or empty: a folder that holds
    /// anything is refused rather than adopted.
    /// </summary>
    private static string ChooseVmFolder(string parent, string name)
    {
        var parentFull = Path.GetFullPath(parent);
        if (!Directory.Exists(parentFull))
        {
            throw HostErrors.InvalidArgument($"The folder '{parentFull}' does not exist. Create it first, or choose another -Path.", parentFull);
        }

        var folder = Path.Combine(parentFull, name);
        if (folder.Contains(',', StringComparison.Ordinal) || folder.Any(char.IsControl))
        {
            throw HostErrors.InvalidArgument(
                $"'{folder}' cannot hold a virtual machine's files: QEMU takes file names in its comma-separated option syntax, so the folder may contain no ',' or control characters. Choose another -Path.", folder);
        }

        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            throw new HostException(
                $"'{folder}' already exists and is not an empty folder. New-VM -Path keeps the virtual machine's files in a folder named after it, which Remove-VM deletes: choose another -Path, or move what is there.",
                ErrorCategory.ResourceExists, "VMFolderExists", folder);
        }

        return folder;
    }

    private static void DeleteDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void DeleteFile(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
