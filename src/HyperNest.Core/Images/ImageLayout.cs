namespace HyperNest.Images;

/// <summary>
/// File names inside one built image directory, &lt;cache&gt;/images/&lt;name&gt;-&lt;hash12&gt;/, and of the
/// integration disk builds beside them.
/// </summary>
public static class ImageLayout
{
    public const string DiskFile = "disk.qcow2";
    public const string KernelFile = "vmlinuz";
    public const string InitrdFile = "initrd.img";

    /// <summary>Uncompressed ELF kernel with a PVH entry (SeaBIOS only); absent when the kernel has no PVH.</summary>
    public const string PvhKernelFile = "vmlinux";

    /// <summary>Written last into the staging directory; a published directory always has it.</summary>
    public const string ManifestFile = "image.json";

    /// <summary>The cache name of integration disk builds: &lt;cache&gt;/images/hypernest-tools-&lt;key12&gt;/.</summary>
    public const string IntegrationDiskName = "hypernest-tools";

    /// <summary>The raw ext4 file of an integration disk build.</summary>
    public const string IntegrationDiskFile = "tools.img";

    /// <summary>How many hex digits of the recipe hash name the directory.</summary>
    public const int HashPrefixLength = 12;

    public static string DirectoryName(string imageName, string recipeHash) =>
        $"{imageName}-{recipeHash[..HashPrefixLength]}";
}
