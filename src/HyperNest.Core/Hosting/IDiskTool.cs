using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Virtual disk files (qemu-img in the product).</summary>
public interface IDiskTool
{
    /// <summary>Creates a disk; with <paramref name="backingPath"/>, a copy-on-write overlay over it.</summary>
    void Create(string path, long sizeBytes, string? backingPath, bool preallocate);

    VirtualHardDisk Inspect(string path);

    void Resize(string path, long sizeBytes, bool allowShrink);
}
