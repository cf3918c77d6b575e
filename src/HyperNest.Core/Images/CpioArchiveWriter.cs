using System.Globalization;
using System.Text;

namespace HyperNest.Images;

/// <summary>
/// Writes a cpio archive in the "newc" format, the only one the kernel unpacks as an initramfs
/// (Documentation/driver-api/early-userspace/buffer-format.rst). Written here rather than with
/// find | cpio so entries, modes and owners are exact and no shell is involved.
/// </summary>
public sealed class CpioArchiveWriter
{
    private const int DirectoryType = 0x4000;
    private const int RegularFileType = 0x8000;
    private const int SymlinkType = 0xA000;
    private const int CharacterDeviceType = 0x2000;

    private readonly Stream output;
    private int nextInode = 1;

    public CpioArchiveWriter(Stream output) => this.output = output;

    public void AddDirectory(string path, int permissions = 0x1ED /* 0755 */) =>
        WriteEntry(path, DirectoryType | permissions, [], 0, 0);

    public void AddFile(string path, byte[] content, int permissions) =>
        WriteEntry(path, RegularFileType | permissions, content, 0, 0);

    public void AddSymlink(string path, string target) =>
        WriteEntry(path, SymlinkType | 0x1FF, Encoding.UTF8.GetBytes(target), 0, 0);

    public void AddCharacterDevice(string path, int permissions, int major, int minor) =>
        WriteEntry(path, CharacterDeviceType | permissions, [], major, minor);

    /// <summary>Writes the TRAILER!!! entry that ends the archive.</summary>
    public void Finish() => WriteEntry("TRAILER!!!", 0, [], 0, 0, inode: 0);

    private void WriteEntry(string path, int mode, byte[] data, int deviceMajor, int deviceMinor, int? inode = null)
    {
        var name = Encoding.UTF8.GetBytes(path.TrimStart('/'));
        var fields = new[]
        {
            inode ?? nextInode++, mode, 0 /* uid */, 0 /* gid */, (mode & DirectoryType) == DirectoryType ? 2 : 1,
            0 /* mtime: fixed so the archive is reproducible */, data.Length, 0, 0, deviceMajor, deviceMinor,
            name.Length + 1, 0,
        };
        var header = new StringBuilder("070701");
        foreach (var field in fields)
        {
            header.Append(field.ToString("X8", CultureInfo.InvariantCulture));
        }

        var headerBytes = Encoding.ASCII.GetBytes(header.ToString());
        output.Write(headerBytes);
        output.Write(name);
        output.WriteByte(0);
        Pad(headerBytes.Length + name.Length + 1);
        output.Write(data);
        Pad(data.Length);
    }

    private void Pad(int length)
    {
        for (var i = length; i % 4 != 0; i++)
        {
            output.WriteByte(0);
        }
    }
}
