using HyperNest.Images;
using HyperNest.Network.Linux;
using HyperNest.Platform;
using HyperNest.Qemu;
using HyperNest.State;
using HyperNest.Storage;

namespace HyperNest.Hosting;

/// <summary>Assembles the real host API: SQLite state, QEMU backend, image cache, qemu-img disks.</summary>
public static class HostFactory
{
    public static IVirtualizationHost CreateDefault() => Create(HostPaths.FromEnvironment());

    /// <param name="answerFromLiveSamples">For hypernestd, whose sampler keeps the live samples current.</param>
    public static IVirtualizationHost Create(HostPaths paths, bool answerFromLiveSamples = false)
    {
        try
        {
            // The home holds the store, every disk, saved memory and the QMP and agent sockets: only its
            // owner enters it. A home an older HyperNest made 0755 is tightened; a directory that existed
            // before and holds no store is someone else's choice and keeps its mode (its files are 0600).
            OwnerOnly.Directory(paths.Home, tightenExisting: File.Exists(paths.StateDatabase));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HostException(
                $"HyperNest cannot create its state directory '{paths.Home}': {ex.Message} Run it as root, or point HYPERNEST_HOME at a directory you own.",
                ErrorCategory.PermissionDenied, "StateDirectoryDenied", paths.Home, ex);
        }

        var store = StateStore.Open(paths.StateDatabase);
        return new VirtualizationHost(paths, store, new QemuVmBackend(paths), new CachedImageStore(paths), new QemuImgDiskTool(), new LinuxNetworkBackend(paths))
        {
            AnswerFromLiveSamples = answerFromLiveSamples,
        };
    }
}
