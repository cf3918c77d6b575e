namespace HyperNest.Images;

/// <summary>
/// Turns a guest root directory into a qcow2 disk: ext4 populated with mkfs.ext4 -d (no loop mount,
/// no root-only mount needed) into a raw file, then converted to qcow2 (only used blocks stored).
/// </summary>
internal static class DiskImageWriter
{
    private const long BlockSize = 4096;

    public static void Write(string rootDir, long freeSpaceBytes, string rawPath, string qcow2Path, TextWriter log, CancellationToken cancellationToken)
    {
        var sizeMiB = (EstimateUsedBytes(rootDir) + freeSpaceBytes + (1L << 20) - 1) >> 20;
        ExternalTool.Run("mkfs.ext4", ["-q", "-F", "-L", "root", "-d", rootDir, rawPath, $"{sizeMiB}M"], log, cancellationToken);
        ExternalTool.Run("qemu-img", ["convert", "-f", "raw", "-O", "qcow2", rawPath, qcow2Path], log, cancellationToken);
        File.Delete(rawPath);
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
