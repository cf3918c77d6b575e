using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Virtual hard disks and guest images.</summary>
public sealed partial class VirtualizationHost
{
    public VirtualHardDisk NewVhd(NewVhdRequest request)
    {
        var path = Path.GetFullPath(request.Path);
        if (File.Exists(path))
        {
            throw new HostException($"The file '{path}' already exists. Choose another -Path, or remove the file first.", ErrorCategory.ResourceExists, "FileExists", path);
        }

        if (request.ParentPath is null && request.SizeBytes < 1024 * 1024)
        {
            throw HostErrors.InvalidArgument($"A virtual hard disk must be at least 1 MB; {request.SizeBytes} bytes was asked for. Give -SizeBytes, e.g. 10GB.", path);
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw HostErrors.InvalidArgument($"The folder '{directory}' does not exist. Create it first, or choose another -Path.", path);
        }

        string? parent = null;
        if (request.ParentPath is { } parentPath)
        {
            parent = Path.GetFullPath(parentPath);
            _ = _disks.Inspect(parent);
        }

        _disks.Create(path, request.SizeBytes, parent, request.Fixed);
        return Describe(path);
    }

    public VirtualHardDisk GetVhd(string path) => Describe(Path.GetFullPath(path));

    /// <summary>Refused while a running or paused VM uses the disk (QEMU holds it open).</summary>
    public VirtualHardDisk ResizeVhd(string path, long sizeBytes)
    {
        var full = Path.GetFullPath(path);
        var current = Describe(full);
        var user = GetVms().FirstOrDefault(vm => vm.State is VmState.Running or VmState.Paused && vm.HardDrives.Any(d => string.Equals(d.Path, full, StringComparison.Ordinal)));
        if (user is not null)
        {
            throw HostErrors.WrongState(user.Name, $"resize '{full}', which it uses,", user.State, "Stop the virtual machine first.");
        }

        if (sizeBytes < current.Size)
        {
            throw HostErrors.InvalidArgument($"'{full}' is {current.Size} bytes; shrinking it to {sizeBytes} would cut off data. HyperNest only grows disks.", full);
        }

        _disks.Resize(full, sizeBytes, allowShrink: false);
        return Describe(full);
    }

    public IReadOnlyList<VmImage> GetImages() => _images.List();

    public VmImage NewImage(string name, bool force, IProgress<ProgressUpdate>? progress = null)
    {
        if (!_images.IsKnown(name))
        {
            throw HostErrors.InvalidArgument(
                $"There is no image recipe named \"{name}\". Known images: {string.Join(", ", _images.List().Select(i => i.Name))}.", name);
        }

        if (force)
        {
            // Rebuilding replaces the image's disk in place, and every VM made from it boots a copy-on-write
            // overlay over that disk: the overlays would silently see different blocks underneath.
            var users = _store.Transact(tx => tx.ListVms()).Where(vm => string.Equals(vm.ImageName, name, StringComparison.OrdinalIgnoreCase)).Select(vm => vm.Name).ToList();
            if (users.Count > 0)
            {
                throw new HostException(
                    $"Image \"{name}\" cannot be rebuilt while virtual machines use it as their base disk: {string.Join(", ", users)}. Remove them first (Remove-VM), or build without -Force.",
                    ErrorCategory.ResourceBusy, "ImageInUse", name);
            }
        }

        return _images.Build(name, force, progress, CancellationToken.None);
    }

    private VirtualHardDisk Describe(string path)
    {
        if (!File.Exists(path))
        {
            throw new HostException($"The virtual hard disk '{path}' does not exist. Check the path, or create it with New-VHD.", ErrorCategory.ObjectNotFound, "VhdNotFound", path);
        }

        var disk = _disks.Inspect(path);
        var attached = _store.Transact(tx => tx.ListDrives()).Any(d => d.Kind == DriveKind.HardDisk && string.Equals(d.Path, path, StringComparison.Ordinal));
        return disk with { Attached = attached };
    }
}
