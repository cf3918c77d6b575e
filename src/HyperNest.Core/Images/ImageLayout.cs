namespace HyperNest.Images;

/// <summary>File names inside one built image directory, &lt;cache&gt;/images/&lt;name&gt;-&lt;hash12&gt;/.</summary>
public static class ImageLayout
{
    public const string DiskFile = "disk.qcow2";
    public const string KernelFile = "vmlinuz";
    public const string InitrdFile = "initrd.img";

    /// <summary>Uncompressed ELF kernel with a PVH entry (SeaBIOS only); absent when the kernel has no PVH.</summary>
    public const string PvhKernelFile = "vmlinux";

    /// <summary>Written last into the staging directory; a published directory always has it.</summary>
    public const string ManifestFile = "image.json";

    /// <summary>How many hex digits of the recipe hash name the directory.</summary>
    public const int HashPrefixLength = 12;

    public static string DirectoryName(string imageName, string recipeHash) =>
        $"{imageName}-{recipeHash[..HashPrefixLength]}";
}
