using System.Security.Cryptography;
using System.Text;
using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// Which cached builds VMs still use. A VM made from an image boots a qcow2 overlay whose backing file
/// is the build's disk, and a started VM keeps a link to the integration disk it got; both live in the
/// VM folders (HostPaths.VmRoot) of the HyperNest homes that use this cache. Every home shares one cache
/// (each test run uses a fresh home), so the cache lists those folders in &lt;cache&gt;/vm-folders/.
/// </summary>
public sealed class ImageReferences(ImageCache cache)
{
    /// <summary>A chain of overlays is followed this deep (differencing disks of differencing disks).</summary>
    private const int MaxChainLength = 16;

    /// <summary>
    /// Searched whether listed or not: VMs made before the cache kept its list live here, and pruning
    /// must not take their base images away.
    /// </summary>
    private static readonly string DefaultVmRoot = new HostPaths(HostPaths.DefaultHome, HostPaths.DefaultCache).VmRoot;

    private string RegistryDirectory => Path.Combine(cache.Root, "vm-folders");

    /// <summary>Adds a home's VM folder to the folders searched for references (once; cheap when already listed).</summary>
    public void RegisterVmFolder(string vmRoot)
    {
        var full = Path.GetFullPath(vmRoot);
        var entry = Path.Combine(RegistryDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16]);
        if (!File.Exists(entry))
        {
            // Written aside and renamed, so a prune running at the same time never reads a half-written entry.
            Directory.CreateDirectory(RegistryDirectory);
            var written = $"{entry}.{Environment.ProcessId}.tmp";
            File.WriteAllText(written, full);
            File.Move(written, entry, overwrite: true);
        }
    }

    /// <summary>The directory names (&lt;name&gt;-&lt;hash12&gt;) of every build some VM file points into.</summary>
    /// <exception cref="IOException">A VM file could not be read: what it references is unknown.</exception>
    public IReadOnlySet<string> FindReferencedBuilds()
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vmRoot in VmRoots().Append(DefaultVmRoot).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var files = new DirectoryInfo(vmRoot).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
            foreach (var file in files.Where(f => f is FileInfo || f.LinkTarget is not null))
            {
                foreach (var target in Targets(file))
                {
                    referenced.Add(Path.GetFileName(Path.GetDirectoryName(target)) ?? "");
                }
            }
        }

        return referenced;
    }

    /// <summary>The listed VM folders; a folder that no longer exists (a test's home, removed) leaves the list.</summary>
    private List<string> VmRoots()
    {
        var roots = new List<string>();
        if (!Directory.Exists(RegistryDirectory))
        {
            return roots;
        }

        foreach (var entry in Directory.GetFiles(RegistryDirectory).Where(file => !file.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            var vmRoot = File.ReadAllText(entry).Trim();
            if (Directory.Exists(vmRoot))
            {
                roots.Add(vmRoot);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return roots;
    }

    /// <summary>
    /// What one VM file points at: a link's target, or an overlay's backing chain. Builds are matched by
    /// directory name, not full path, so a cache reached through another spelling of its path still counts.
    /// </summary>
    private static IEnumerable<string> Targets(FileSystemInfo file)
    {
        if (file.LinkTarget is { } linkTarget)
        {
            yield return Path.GetFullPath(linkTarget, Path.GetDirectoryName(file.FullName)!);
            yield break;
        }

        var current = file.FullName;
        for (var depth = 0; depth < MaxChainLength && Qcow2BackingFile.Read(current) is { } backing; depth++)
        {
            yield return backing;
            current = backing;
        }
    }
}
