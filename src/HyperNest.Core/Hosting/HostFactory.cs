using HyperNest.Images;
using HyperNest.Network.Linux;
using HyperNest.Qemu;
using HyperNest.State;
using HyperNest.Storage;

namespace HyperNest.Hosting;

/// <summary>Assembles the real host API: SQLite state, QEMU backend, image cache, qemu-img disks.</summary>
public static class HostFactory
{
    public static IVirtualizationHost CreateDefault() => Create(HostPaths.FromEnvironment());

    public static IVirtualizationHost Create(HostPaths paths)
    {
        try
        {
            Directory.CreateDirectory(paths.Home);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HostException(
                $"HyperNest cannot create its state directory '{paths.Home}': {ex.Message} Run it as root, or point HYPERNEST_HOME at a directory you own.",
                ErrorCategory.PermissionDenied, "StateDirectoryDenied", paths.Home, ex);
        }

        var store = StateStore.Open(paths.StateDatabase);
        return new VirtualizationHost(paths, store, new QemuVmBackend(paths), new CachedImageStore(paths), new QemuImgDiskTool(), new LinuxNetworkBackend(paths));
    }
}
