using System.Buffers.Binary;
using System.Text;

namespace HyperNest.Tests.Images;

/// <summary>Writes the header of a qcow2 v3 overlay as QEMU lays it out (docs/interop/qcow2.txt), enough to name a backing file.</summary>
internal static class TestQcow2
{
    private const int HeaderLength = 104;

    public static void WriteOverlay(string path, string backingFile)
    {
        var name = Encoding.UTF8.GetBytes(backingFile);
        var bytes = new byte[HeaderLength + name.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x514649fb);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), HeaderLength);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)name.Length);
        name.CopyTo(bytes, HeaderLength);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
