using System.IO.Compression;
using System.Text;
using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// A lean initramfs instead of Debian's initramfs-tools one (which costs ~12 s under TCG): the guest's
/// own static busybox, the recipe's /init, and only the modules that mounting the root disk needs.
/// </summary>
internal static class InitramfsBuilder
{
    /// <summary>The list of module files /init loads with insmod, in order (one file name a line).</summary>
    public const string ModuleListPath = "/etc/modules.load";

    public static void Build(ImageRecipe recipe, string rootDir, string kernelRelease, string outputPath)
    {
        var modulesDir = GuestPath.Resolve(rootDir, $"/lib/modules/{kernelRelease}");
        var dependencies = new ModuleDependencies(File.ReadAllText(Path.Combine(modulesDir, "modules.dep")));
        var loadOrder = dependencies.ResolveLoadOrder(recipe.InitramfsModules);

        var busybox = GuestPath.Resolve(rootDir, "/bin/busybox");
        if (!File.Exists(busybox))
        {
            throw new HostException(
                "The guest root has no /bin/busybox; the recipe must include the busybox-static package.",
                ErrorCategory.ObjectNotFound, "ImageBusyboxMissing", recipe.Name);
        }

        using var file = File.Create(outputPath);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var cpio = new CpioArchiveWriter(gzip);
        foreach (var directory in new[] { "bin", "dev", "etc", "lib", "lib/modules", "newroot", "proc", "sys" })
        {
            cpio.AddDirectory(directory);
        }

        // The kernel opens /dev/console for init's stdio before /init can mount devtmpfs.
        cpio.AddCharacterDevice("dev/console", 0x180 /* 0600 */, 5, 1);
        cpio.AddFile("bin/busybox", File.ReadAllBytes(busybox), 0x1ED);
        cpio.AddSymlink("bin/sh", "busybox");
        cpio.AddFile("init", Encoding.UTF8.GetBytes(recipe.InitramfsInit), 0x1ED);

        var list = new StringBuilder();
        foreach (var modulePath in loadOrder)
        {
            var fileName = Path.GetFileName(modulePath);
            if (!fileName.EndsWith(".ko", StringComparison.Ordinal))
            {
                // Debian 12 ships plain .ko files; busybox insmod cannot inflate .ko.xz/.ko.zst (trixie compresses them).
                throw new HostException(
                    $"The guest kernel module '{modulePath}' is compressed; this initramfs builder only handles plain .ko modules.",
                    ErrorCategory.NotImplemented, "ImageCompressedModule", modulePath);
            }

            cpio.AddFile($"lib/modules/{fileName}", File.ReadAllBytes(Path.Combine(modulesDir, modulePath)), 0x1A4 /* 0644 */);
            list.Append(fileName).Append('\n');
        }

        cpio.AddFile(ModuleListPath.TrimStart('/'), Encoding.UTF8.GetBytes(list.ToString()), 0x1A4);
        cpio.Finish();
    }
}
