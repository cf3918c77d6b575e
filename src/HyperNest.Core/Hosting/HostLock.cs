namespace HyperNest.Hosting;

/// <summary>
/// Serializes actions across HyperNest processes: lifecycle actions on one VM (two Start-VMs at once must
/// not launch two workers), and changes to the machine's networking (two New-VMSwitch runs must not both
/// render the nftables tables from what they each read). .NET opens a FileShare.None file with an
/// advisory flock on Unix, released when the process dies. Order: a VM lock before the network lock.
/// </summary>
internal sealed class HostLock : IDisposable
{
    // flock is per open file: a second open in this process would wait for itself. A thread that already
    // holds a lock (a network action whose VM lookup finds a dead worker and removes its ports) gets a
    // handle that releases nothing.
    [ThreadStatic]
    private static HashSet<string>? t_held;

    private readonly FileStream? _stream;
    private readonly string _path;

    private HostLock(FileStream? stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    public static HostLock ForVm(HostPaths paths, Guid vmId) => Acquire(paths, VmLockFile(vmId), wait: true)!;

    public static HostLock ForNetwork(HostPaths paths) => Acquire(paths, "network.lock", wait: true)!;

    /// <summary>
    /// Called by Remove-VM while it holds the lock: the VM is gone, so is its lock file. A process that
    /// opened the file before and waits on it then finds no VM when it gets the lock.
    /// </summary>
    public static void DeleteVmLockFile(HostPaths paths, Guid vmId) => File.Delete(Path.Combine(paths.RuntimeRoot, VmLockFile(vmId)));

    /// <summary>The VM's lock if no other process holds it now, else null (never waits).</summary>
    public static HostLock? TryForVm(HostPaths paths, Guid vmId) => Acquire(paths, VmLockFile(vmId), wait: false);

    private static string VmLockFile(Guid vmId) => $"{vmId:D}.lock";

    private static HostLock? Acquire(HostPaths paths, string fileName, bool wait)
    {
        Directory.CreateDirectory(paths.RuntimeRoot);
        var path = Path.Combine(paths.RuntimeRoot, fileName);
        t_held ??= new HashSet<string>(StringComparer.Ordinal);
        if (t_held.Contains(path))
        {
            return new HostLock(null, path);
        }

        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                t_held.Add(path);
                return new HostLock(stream, path);
            }
            catch (IOException) when (!wait)
            {
                return null;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }

        t_held?.Remove(_path);
        _stream.Dispose();
    }
}
