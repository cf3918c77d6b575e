using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

internal sealed class FakeDiskTool : IDiskTool
{
    public void Create(string path, long sizeBytes, string? backingPath, bool preallocate) => File.WriteAllText(path, backingPath ?? sizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public VirtualHardDisk Inspect(string path) => new() { Path = path, VhdFormat = "QCOW2", VhdType = "Dynamic", Size = 1L << 30 };

    public void Resize(string path, long sizeBytes, bool allowShrink)
    {
    }
}
