using Microsoft.Win32.SafeHandles;

namespace HyperNest.Qemu;

/// <summary>One image of a disk's chain, opened by the host for QEMU: the disk itself first, then each backing file under it.</summary>
public sealed record QemuDiskLayer(string Path, QemuDiskFormat Format, SafeFileHandle Handle);

/// <summary>
/// The images a hot-plugged disk needs, opened by the host: QEMU runs as its own user by then
/// (<see cref="QemuConfinement"/>) and can open neither the VM's disk nor a base image under the root-only
/// home, and it would open a qcow2 overlay's backing file by the name in the header. So the host follows the
/// chain itself (the disk read-write unless it is read-only, every backing file read-only, as QEMU opens them)
/// and QEMU gets each as a descriptor; QEMU picks, from a set, the descriptor whose access mode it asks for.
/// </summary>
public sealed class QemuDiskFiles : IDisposable
{
    /// <summary>Deeper chains are refused rather than followed (a loop of backing files, or a hostile image).</summary>
    public const int MaxBackingDepth = 16;

    private QemuDiskFiles(IReadOnlyList<QemuDiskLayer> layers) => Layers = layers;

    public IReadOnlyList<QemuDiskLayer> Layers { get; }

    /// <exception cref="IOException">An image of the chain cannot be opened, or the chain is too deep.</exception>
    public static QemuDiskFiles Open(QemuDisk disk)
    {
        var layers = new List<QemuDiskLayer>();
        try
        {
            layers.Add(new QemuDiskLayer(disk.Path, disk.Format, OpenImage(disk.Path, disk.ReadOnly)));
            var path = disk.Path;
            var format = disk.Format;
            while (format == QemuDiskFormat.Qcow2 && Images.Qcow2BackingFile.Read(path) is { } backing)
            {
                if (layers.Count > MaxBackingDepth)
                {
                    throw new IOException($"the backing chain of {disk.Path} is deeper than {MaxBackingDepth} images");
                }

                var handle = OpenImage(backing, readOnly: true);
                format = IsQcow2(handle) ? QemuDiskFormat.Qcow2 : QemuDiskFormat.Raw;
                layers.Add(new QemuDiskLayer(backing, format, handle));
                path = backing;
            }

            return new QemuDiskFiles(layers);
        }
        catch
        {
            foreach (var layer in layers)
            {
                layer.Handle.Dispose();
            }

            throw;
        }
    }

    public void Dispose()
    {
        foreach (var layer in Layers)
        {
            layer.Handle.Dispose();
        }
    }

    /// <summary>open(2), not FileStream: .NET would also take a flock on the file, which QEMU's copy would keep.</summary>
    private static SafeFileHandle OpenImage(string path, bool readOnly)
    {
        var fd = Interop.LibC.Open(path, (readOnly ? Interop.LibC.O_RDONLY : Interop.LibC.O_RDWR) | Interop.LibC.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            throw new IOException($"{path} cannot be opened: {Interop.LibC.ErrorText(errno)}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>A backing file is named without a format: qcow2 when it has the magic, else raw, as QEMU probes it.</summary>
    private static bool IsQcow2(SafeFileHandle handle)
    {
        Span<byte> header = stackalloc byte[4];
        return RandomAccess.Read(handle, header, 0) == header.Length && Images.Qcow2BackingFile.HasMagic(header);
    }
}
