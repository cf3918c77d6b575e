using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

internal sealed class FakeDiskTool : IDiskTool
{
    /// <summary>Told before and after each disk is made (a <see cref="KillPoint"/> kills there).</summary>
    public Action<string>? Changing { get; set; }

    public void Create(string path, long sizeBytes, string? backingPath, bool preallocate)
    {
        Changing?.Invoke("Create");
        File.WriteAllText(path, backingPath ?? sizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Changing?.Invoke("Created");
    }

    public VirtualHardDisk Inspect(string path) => new() { Path = path, VhdFormat = "QCOW2", VhdType = "Dynamic", Size = 1L << 30 };

    public void Resize(string path, long sizeBytes, bool allowShrink)
    {
    }
}
