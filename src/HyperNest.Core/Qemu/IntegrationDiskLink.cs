using HyperNest.Hosting;

namespace HyperNest.Qemu;

/// <summary>
/// A link in the VM's folder to the integration disk it was last started with. A VM restored from saved
/// state gets that same disk back: its saved memory holds the guest kernel's cache of that file system,
/// which a newer disk's blocks would contradict. Image pruning reads the link as the VM's use of the disk.
/// </summary>
internal static class IntegrationDiskLink
{
    private const string FileName = "integration-disk";

    /// <summary>The disk this start attaches; records it, unless the VM is restored with the one it was saved with.</summary>
    public static IntegrationDisk? Choose(string vmDirectory, IntegrationDisk? offered, bool restoring)
    {
        var link = new FileInfo(Path.Combine(vmDirectory, FileName));
        if (restoring && link.LinkTarget is { } saved && File.Exists(saved))
        {
            // Block devices are only ever handed on from /dev (a guest's own integration disk).
            return new IntegrationDisk(saved, IsBlockDevice: saved.StartsWith("/dev/", StringComparison.Ordinal));
        }

        if (link.Exists || link.LinkTarget is not null)
        {
            link.Delete();
        }

        if (offered is not null)
        {
            Directory.CreateDirectory(vmDirectory);
            File.CreateSymbolicLink(link.FullName, offered.Path);
        }

        return offered;
    }
}
