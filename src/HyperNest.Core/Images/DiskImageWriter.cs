namespace HyperNest.Images;

/// <summary>
/// Turns a directory into an ext4 disk with mkfs.ext4 -d (no loop mount, no root-only mount needed):
/// a guest root as qcow2 (only used blocks stored), or HyperNest's folder as the raw read-only
/// integration disk.
/// </summary>
internal static class DiskImageWriter
{
    private const long BlockSize = 4096;

    public static void Write(string rootDir, long freeSpaceBytes, string rawPath, string qcow2Path, TextWriter log, CancellationToken cancellationToken)
    {
        Ext4(rootDir, "root", freeSpaceBytes, [], rawPath, log, cancellationToken);
        ExternalTool.Run("qemu-img", ["convert", "-f", "raw", "-O", "qcow2", rawPath, qcow2Path], log, cancellationToken);
        File.Delete(rawPath);
    }

    /// <summary>
    /// A file system guests only ever mount read-only: no journal (nothing to replay, and the kernel
    /// needs no write access to mount it) and no blocks reserved for root. The raw file stays sparse.
    /// </summary>
    public static void WriteReadOnly(string sourceDir, string label, string rawPath, TextWriter log, CancellationToken cancellationToken) =>
        Ext4(sourceDir, label, 0, ["-O", "^has_journal", "-m", "0"], rawPath, log, cancellationToken);

    private static void Ext4(
        string sourceDir, string label, long freeSpaceBytes, IReadOnlyList<string> options, string rawPath, TextWriter log, CancellationToken cancellationToken)
    {
        var sizeMiB = (EstimateUsedBytes(sourceDir) + freeSpaceBytes + (1L << 20) - 1) >> 20;
        ExternalTool.Run("mkfs.ext4", ["-q", "-F", "-L", label, .. options, "-d", sourceDir, rawPath, $"{sizeMiB}M"], log, cancellationToken);
    }

    /// <summary>Blocks the files take plus an inode-table and journal allowance, without following symlinks.</summary>
    internal static long EstimateUsedBytes(string rootDir)
    {
        long total = 0;
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(rootDir)]);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                total += BlockSize;
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    pending.Push(directory);
                }
                else if (entry is FileInfo file)
                {
                    total += (file.Length + BlockSize - 1) / BlockSize * BlockSize;
                }
            }
        }

        // ext4 metadata (inode tables, journal, reserved blocks) on top of the data.
        return total + (total / 10) + (64L << 20);
    }
}
