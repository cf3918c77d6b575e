using HyperNest.Api;
using HyperNest.Platform;

namespace HyperNest.Service;

/// <summary>
/// Makes this process the one service of its home: holds the instance lock (a second hypernestd for the
/// same home exits at once, which is how two clients starting it together end with one), writes the pid,
/// and replaces a socket file a killed service left behind.
/// </summary>
internal sealed class ServiceInstance : IDisposable
{
    private readonly FileStream _lock;
    private readonly ServiceEndpoint _endpoint;

    private ServiceInstance(FileStream lockFile, ServiceEndpoint endpoint)
    {
        _lock = lockFile;
        _endpoint = endpoint;
    }

    /// <summary>This home's instance, or null when another hypernestd already serves it.</summary>
    public static ServiceInstance? TryClaim(ServiceEndpoint endpoint)
    {
        OwnerOnly.Directory(endpoint.Paths.RuntimeRoot, tightenExisting: true);
        FileStream lockFile;
        try
        {
            // FileShare.None is an advisory flock on Unix, released when the process dies however it dies.
            lockFile = new FileStream(endpoint.InstanceLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        if (SystemdSocket.Passed() is null)
        {
            // A killed service's socket file; systemd's, when it passed one, stays.
            File.Delete(endpoint.SocketPath);
        }

        File.WriteAllText(endpoint.PidFilePath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        return new ServiceInstance(lockFile, endpoint);
    }

    public void Dispose()
    {
        if (SystemdSocket.Passed() is null)
        {
            File.Delete(_endpoint.SocketPath);
        }

        File.Delete(_endpoint.PidFilePath);
        _lock.Dispose();
    }
}
