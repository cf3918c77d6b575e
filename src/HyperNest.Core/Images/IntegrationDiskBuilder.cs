namespace HyperNest.Images;

/// <summary>
/// Makes the integration disk of one HyperNest folder: a read-only ext4 file in the image cache,
/// &lt;cache&gt;/images/hypernest-tools-&lt;key12&gt;/tools.img. Built once per distinct install (on the first
/// Start-VM after it, ~2 s) under the image build lock, published atomically like an image, after which
/// older disks no VM links to are pruned.
/// </summary>
public sealed class IntegrationDiskBuilder(ImageCache cache)
{
    private const string Name = ImageLayout.IntegrationDiskName;

    /// <summary>The disk for <paramref name="folder"/>, built unless the cache has it.</summary>
    public string Build(string folder, CancellationToken cancellationToken)
    {
        var key = IntegrationDiskKey.Compute(folder);
        var disk = Path.Combine(cache.GetImageDirectory(Name, key), ImageLayout.IntegrationDiskFile);
        if (File.Exists(disk))
        {
            return disk;
        }

        Directory.CreateDirectory(cache.ImagesDirectory);
        using var buildLock = ImageBuildLock.Acquire(cache.GetLockPath(Name, key), null, cancellationToken);

        // Another VM start may have built it while this one waited for the lock.
        if (File.Exists(disk))
        {
            return disk;
        }

        foreach (var stale in cache.FindStaleStagingDirectories(Name, key))
        {
            MountGuard.DeleteDirectory(stale, TextWriter.Null);
        }

        var staging = cache.CreateStagingDirectory(Name, key);
        try
        {
            // mkfs's last lines travel in its error, so no log is kept. The label (what blkid shows) is the serial.
            var raw = Path.Combine(staging, ImageLayout.IntegrationDiskFile);
            DiskImageWriter.WriteReadOnly(folder, GuestContract.IntegrationDiskSerial, raw, TextWriter.Null, cancellationToken);
            cache.Publish(staging, Name, key, ImageLayout.IntegrationDiskFile);
        }
        catch
        {
            MountGuard.DeleteDirectory(staging, TextWriter.Null);
            throw;
        }

        ImagePruner.Prune(cache, Name, key);
        return disk;
    }
}
