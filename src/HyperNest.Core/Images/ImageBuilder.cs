using System.Diagnostics;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>
/// Builds a recipe into the cache: mmdebstrap → recipe files → kernel + lean initramfs → ext4 →
/// qcow2 → image.json → atomic publish → older builds of the image that no VM uses are pruned.
/// Returns at once when the image is already built.
/// </summary>
public sealed class ImageBuilder
{
    private const string BuildLogFile = "build.log";

    private readonly ImageCache cache;

    public ImageBuilder(ImageCache cache) => this.cache = cache;

    /// <summary>The built image for <paramref name="recipe"/>; builds it unless it is already in the cache.</summary>
    public VmImage Build(ImageRecipe recipe, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default) =>
        Build(recipe, force: false, progress, cancellationToken);

    /// <summary>Builds <paramref name="recipe"/> even when cached, then replaces the cached image (New-VMImage -Force).</summary>
    public VmImage Rebuild(ImageRecipe recipe, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default) =>
        Build(recipe, force: true, progress, cancellationToken);

    private VmImage Build(ImageRecipe recipe, bool force, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var hash = RecipeHasher.ComputeHash(recipe);
        var activity = $"Building image '{recipe.Name}' ({hash[..ImageLayout.HashPrefixLength]})";
        void Report(int percent, string status) => progress?.Report(new ProgressUpdate(activity, status, percent));

        var existing = cache.Lookup(recipe, hash);
        if (existing.Built && !force)
        {
            return existing;
        }

        Directory.CreateDirectory(cache.ImagesDirectory);
        using var buildLock = ImageBuildLock.Acquire(
            cache.GetLockPath(recipe.Name, hash), new Progress<string>(s => Report(0, s)), cancellationToken);

        // Another process may have finished the same build while we waited for the lock.
        existing = cache.Lookup(recipe, hash);
        if (existing.Built && !force)
        {
            return existing;
        }

        // Nested images first, outside this image's staging, so they land in the cache for the host too.
        var nestedHashes = recipe.NestedImages
            .Select(nested => (Recipe: nested, Hash: Build(nested, force: false, progress, cancellationToken).RecipeHash))
            .ToList();

        foreach (var stale in cache.FindStaleStagingDirectories(recipe.Name, hash))
        {
            MountGuard.DeleteDirectory(stale, TextWriter.Null);
        }

        var staging = cache.CreateStagingDirectory(recipe.Name, hash);
        var logPath = Path.Combine(staging, BuildLogFile);
        try
        {
            using (var log = new StreamWriter(logPath) { AutoFlush = true })
            {
                BuildInto(recipe, hash, staging, log, Report, nestedHashes, cancellationToken);
            }

            Report(99, "publishing");
            cache.Publish(staging, recipe.Name, hash);
        }
        catch (Exception e)
        {
            KeepFailedLog(logPath, cache.GetFailedLogPath(recipe.Name, hash));
            MountGuard.DeleteDirectory(staging, TextWriter.Null);
            if (e is OperationCanceledException)
            {
                throw new HostException($"The build of image '{recipe.Name}' was cancelled.", ErrorCategory.OperationStopped, "ImageBuildCancelled", recipe.Name, e);
            }

            throw;
        }

        foreach (var removed in ImagePruner.Prune(cache, recipe.Name, hash))
        {
            Report(100, "removed the unused build " + Path.GetFileName(removed));
        }

        Report(100, "done");
        return cache.Lookup(recipe, hash);
    }

    private void BuildInto(
        ImageRecipe recipe, string hash, string staging, StreamWriter log, Action<int, string> report,
        IReadOnlyList<(ImageRecipe Recipe, string Hash)> nestedImages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rootDir = Path.Combine(staging, "rootfs");

        report(2, "mmdebstrap: bootstrapping Debian " + recipe.Suite);
        RootfsBootstrapper.Bootstrap(recipe, rootDir, log, (status, percent) => report(2 + (percent * 55 / 100), "mmdebstrap: " + status), cancellationToken);
        log.WriteLine($"# bootstrap done after {clock.Elapsed.TotalSeconds:F1} s");

        report(60, "installing recipe files");
        GuestFileInstaller.Install(recipe, rootDir);
        foreach (var (nested, nestedHash) in nestedImages)
        {
            NestedImageInstaller.Install(cache, nested, nestedHash, rootDir);
        }

        var kernel = GuestKernel.Find(rootDir, recipe.KernelPackage);
        File.Copy(kernel.VmlinuzPath, Path.Combine(staging, ImageLayout.KernelFile));
        report(62, "unpacking the kernel for PVH boot");
        PvhKernelExtractor.TryExtract(kernel.VmlinuzPath, kernel.ConfigPath, Path.Combine(staging, ImageLayout.PvhKernelFile), log, cancellationToken);

        // Debian's kernel postinst generated its own initrd; the guest never uses it, so it only costs disk.
        foreach (var debianInitrd in Directory.GetFiles(GuestPath.Resolve(rootDir, "/boot"), "initrd.img-*"))
        {
            File.Delete(debianInitrd);
        }

        cancellationToken.ThrowIfCancellationRequested();
        report(65, "building initramfs");
        InitramfsBuilder.Build(recipe, rootDir, kernel.Release, Path.Combine(staging, ImageLayout.InitrdFile));

        report(70, "writing ext4 root file system and qcow2 disk");
        DiskImageWriter.Write(
            rootDir, recipe.FreeSpaceBytes, Path.Combine(staging, "disk.raw"), Path.Combine(staging, ImageLayout.DiskFile), log, cancellationToken);
        log.WriteLine($"# disk done after {clock.Elapsed.TotalSeconds:F1} s");

        report(95, "removing build root");
        MountGuard.DeleteDirectory(rootDir, log);

        new ImageManifest
        {
            Name = recipe.Name,
            RecipeHash = hash,
            Description = recipe.Description,
            KernelCommandLine = recipe.KernelCommandLine,
            KernelRelease = kernel.Release,
            BuiltTime = DateTimeOffset.UtcNow,
            BuildSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        }.WriteTo(Path.Combine(staging, ImageLayout.ManifestFile));
    }

    private static void KeepFailedLog(string logPath, string failedLogPath)
    {
        try
        {
            if (File.Exists(logPath))
            {
                File.Copy(logPath, failedLogPath, overwrite: true);
            }
        }
        catch (IOException)
        {
            // The build error itself is what the caller needs; a lost log must not hide it.
        }
    }
}
