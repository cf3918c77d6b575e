using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HyperNest.Images;

/// <summary>
/// The cache key of an integration disk: SHA-256 over every entry of the HyperNest folder by relative
/// path and mode, and each file's size and modification time (a link's target). Start-VM computes it
/// each time, so it reads only metadata (a few hundred stat calls), never the ~150 MB of content; a
/// reinstall or rebuild rewrites the files and so changes their times.
/// </summary>
public static class IntegrationDiskKey
{
    /// <summary>Bumped when the disk is made differently (mkfs options, layout), so every install gets a new disk.</summary>
    private const string Format = "hypernest-integration-disk/1";

    public static string Compute(string folder)
    {
        var root = new DirectoryInfo(folder);
        var entries = root.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(entry => (Path: Path.GetRelativePath(root.FullName, entry.FullName), Entry: entry))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Field(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Field(Format);
        foreach (var (path, entry) in entries)
        {
            Field(path);
            Field(((int)entry.UnixFileMode).ToString(CultureInfo.InvariantCulture));

            // A folder's own time only says that entries came or went, which the list above already shows.
            Field(entry.LinkTarget ?? (entry is FileInfo file
                ? string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}")
                : "folder"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
