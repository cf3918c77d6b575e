using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HyperNest.Images;

/// <summary>
/// SHA-256 of host files, remembered per process by (path, size, modification time): every recipe
/// ships the ~86 MB hypernest binary and the host recipe hashes it twice (itself and nested tiny),
/// which costs seconds per hash inside a TCG guest. A file rewritten with the same size within one
/// kernel timestamp tick (ext4 mtimes are coarse, ~4 ms) would be missed; a rebuilt binary never is.
/// </summary>
internal static class FileContentHashes
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), string> Known = new();

    /// <exception cref="FileNotFoundException">The file does not exist (or a directory on its path).</exception>
    public static string Sha256Hex(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("No such file", path);
        }

        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }

        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        Known[key] = hash;
        return hash;
    }
}
