namespace HyperNest.Hosting;

/// <summary>
/// Serializes lifecycle actions on one VM across processes (two Start-VMs at once must not launch two
/// workers). .NET opens a FileShare.None file with an advisory flock on Unix, released when the process dies.
/// </summary>
internal sealed class VmLock : IDisposable
{
    private readonly FileStream _stream;

    private VmLock(FileStream stream) => _stream = stream;

    public static VmLock Acquire(HostPaths paths, Guid vmId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.RuntimeRoot);
        var path = Path.Combine(paths.RuntimeRoot, $"{vmId:D}.lock");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new VmLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
