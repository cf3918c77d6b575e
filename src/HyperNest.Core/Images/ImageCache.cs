using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>
/// The image cache: &lt;root&gt;/images/&lt;name&gt;-&lt;hash12&gt;/{disk.qcow2,vmlinuz,initrd.img,image.json}.
/// Builds happen in a staging directory inside images/ and are renamed into place at the end, so a
/// directory with the final name is always complete; a crashed build leaves only staging debris.
/// </summary>
public sealed class ImageCache
{
    public const string CacheEnvironmentVariable = "HYPERNEST_CACHE";
    public const string DefaultRoot = "/var/cache/hypernest";
    private const string StagingPrefix = ".staging-";

    public ImageCache(string root) => Root = Path.GetFullPath(root);

    /// <summary>The cache at $HYPERNEST_CACHE, or /var/cache/hypernest.</summary>
    public static ImageCache FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(CacheEnvironmentVariable) is { Length: > 0 } root ? root : DefaultRoot);

    public string Root { get; }

    public string ImagesDirectory => Path.Combine(Root, "images");

    public string GetImageDirectory(string imageName, string recipeHash) =>
        Path.Combine(ImagesDirectory, ImageLayout.DirectoryName(imageName, recipeHash));

    public string GetLockPath(string imageName, string recipeHash) => LockPathOf(GetImageDirectory(imageName, recipeHash));

    /// <summary>Where a failed build leaves its log.</summary>
    public string GetFailedLogPath(string imageName, string recipeHash) => FailedLogPathOf(GetImageDirectory(imageName, recipeHash));

    /// <summary>Every published build of this image, whatever its recipe hash (staging directories excluded).</summary>
    public IReadOnlyList<string> FindBuilds(string imageName)
    {
        if (!Directory.Exists(ImagesDirectory))
        {
            return [];
        }

        var prefix = imageName + "-";
        return [.. Directory.GetDirectories(ImagesDirectory, prefix + "*")
            .Where(directory => Path.GetFileName(directory)[prefix.Length..] is { Length: ImageLayout.HashPrefixLength } hash && hash.All(char.IsAsciiHexDigitLower))];
    }

    /// <summary>
    /// Deletes a published build with its lock and failed-build log, unless another process holds its
    /// build lock (it is rebuilding it right now). True when it is gone.
    /// </summary>
    public bool TryDelete(string buildDirectory)
    {
        var lockPath = LockPathOf(buildDirectory);
        using (var buildLock = ImageBuildLock.TryAcquire(lockPath))
        {
            if (buildLock is null)
            {
                return false;
            }

            Directory.Delete(buildDirectory, recursive: true);
            File.Delete(FailedLogPathOf(buildDirectory));
            File.Delete(lockPath);
        }

        return true;
    }

    /// <summary>The image for this recipe: Built with its paths when published, otherwise Built = false.</summary>
    public VmImage Lookup(ImageRecipe recipe) => Lookup(recipe, RecipeHasher.ComputeHash(recipe));

    public VmImage Lookup(ImageRecipe recipe, string recipeHash)
    {
        var directory = GetImageDirectory(recipe.Name, recipeHash);
        var manifest = ImageManifest.TryRead(Path.Combine(directory, ImageLayout.ManifestFile));
        var disk = Path.Combine(directory, ImageLayout.DiskFile);
        var kernel = Path.Combine(directory, ImageLayout.KernelFile);
        var initrd = Path.Combine(directory, ImageLayout.InitrdFile);
        var pvhKernel = Path.Combine(directory, ImageLayout.PvhKernelFile);
        var complete = manifest is not null && manifest.RecipeHash == recipeHash
            && File.Exists(disk) && File.Exists(kernel) && File.Exists(initrd);
        if (!complete)
        {
            return new VmImage { Name = recipe.Name, RecipeHash = recipeHash, Built = false, Description = recipe.Description };
        }

        return new VmImage
        {
            Name = recipe.Name,
            RecipeHash = recipeHash,
            Built = true,
            DiskPath = disk,
            KernelPath = kernel,
            InitrdPath = initrd,
            PvhKernelPath = File.Exists(pvhKernel) ? pvhKernel : null,
            KernelCommandLine = manifest!.KernelCommandLine,
            SizeBytes = new FileInfo(disk).Length + new FileInfo(kernel).Length + new FileInfo(initrd).Length,
            BuiltTime = manifest.BuiltTime,
            Description = recipe.Description,
        };
    }

    /// <summary>A new, empty staging directory for one build of this image.</summary>
    public string CreateStagingDirectory(string imageName, string recipeHash)
    {
        Directory.CreateDirectory(ImagesDirectory);
        var path = Path.Combine(ImagesDirectory, $"{StagingPrefix}{ImageLayout.DirectoryName(imageName, recipeHash)}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Staging directories of earlier builds of this image (call only while holding its build lock).</summary>
    public IReadOnlyList<string> FindStaleStagingDirectories(string imageName, string recipeHash)
    {
        if (!Directory.Exists(ImagesDirectory))
        {
            return [];
        }

        return Directory.GetDirectories(ImagesDirectory, $"{StagingPrefix}{ImageLayout.DirectoryName(imageName, recipeHash)}-*");
    }

    /// <summary>
    /// Makes a finished staging directory the image: one rename(2) in the same file system, so
    /// readers see either no image or a complete one. An existing image is moved aside first.
    /// </summary>
    /// <param name="finalFile">The file a build writes last (an image's manifest); without it the build is not finished.</param>
    public void Publish(string stagingDirectory, string imageName, string recipeHash, string finalFile = ImageLayout.ManifestFile)
    {
        if (!File.Exists(Path.Combine(stagingDirectory, finalFile)))
        {
            throw new InvalidOperationException($"Staging directory '{stagingDirectory}' has no {finalFile}; it is not a finished build.");
        }

        var final = GetImageDirectory(imageName, recipeHash);
        string? replaced = null;
        if (Directory.Exists(final))
        {
            replaced = Path.Combine(ImagesDirectory, $"{StagingPrefix}{ImageLayout.DirectoryName(imageName, recipeHash)}-replaced-{Guid.NewGuid():N}");
            Directory.Move(final, replaced);
        }

        Directory.Move(stagingDirectory, final);
        if (replaced is not null)
        {
            Directory.Delete(replaced, recursive: true);
        }
    }

    private static string LockPathOf(string buildDirectory) => buildDirectory + ".lock";

    private static string FailedLogPathOf(string buildDirectory) => buildDirectory + ".failed.log";
}
