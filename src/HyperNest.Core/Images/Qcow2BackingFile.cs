using System.Buffers.Binary;
using System.Text;

namespace HyperNest.Images;

/// <summary>
/// Reads the backing file a qcow2 overlay names straight from its header (docs/interop/qcow2.txt in
/// QEMU: magic "QFI\xfb" at 0, backing_file_offset u64 at 8, backing_file_size u32 at 16, big-endian),
/// so scanning every VM disk costs one small read each instead of a qemu-img process.
/// </summary>
internal static class Qcow2BackingFile
{
    private const uint Magic = 0x514649fb;
    private const int HeaderBytes = 20;

    /// <summary>QEMU's own limit on the backing file name (block/qcow2.c: 1023 bytes).</summary>
    private const int MaxNameBytes = 1023;

    /// <summary>Whether <paramref name="header"/> (a file's first bytes) starts with qcow2's magic: QEMU's own probe for an image named without a format.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> header) => header.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(header) == Magic;

    /// <summary>The absolute path of the backing file, or null when the file is not a qcow2 overlay (or is gone).</summary>
    /// <exception cref="IOException">The file exists but cannot be read: whether it is an overlay is unknown.</exception>
    public static string? Read(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[HeaderBytes];
            if (file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes || !HasMagic(header))
            {
                return null;
            }

            var offset = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
            if (offset == 0 || size is 0 or > MaxNameBytes || offset > (ulong)file.Length)
            {
                return null;
            }

            var name = new byte[size];
            file.Position = (long)offset;
            file.ReadExactly(name);

            // A relative backing file is relative to the overlay's own folder, as QEMU opens it.
            return Path.GetFullPath(Encoding.UTF8.GetString(name), Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
