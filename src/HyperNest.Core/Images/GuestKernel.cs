using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>The one kernel a bootstrapped guest root holds: /boot/vmlinuz-&lt;release&gt; with /lib/modules/&lt;release&gt;.</summary>
internal sealed record GuestKernel(string Release, string VmlinuzPath, string ConfigPath)
{
    public static GuestKernel Find(string rootDir, string kernelPackage)
    {
        var bootDir = GuestPath.Resolve(rootDir, "/boot");
        var kernels = Directory.Exists(bootDir) ? Directory.GetFiles(bootDir, "vmlinuz-*") : [];
        if (kernels.Length != 1)
        {
            throw new HostException(
                $"Expected exactly one /boot/vmlinuz-* from '{kernelPackage}' in the guest root, found {kernels.Length}.",
                ErrorCategory.InvalidResult, "ImageKernelNotFound", kernelPackage);
        }

        var release = Path.GetFileName(kernels[0])["vmlinuz-".Length..];
        if (!Directory.Exists(GuestPath.Resolve(rootDir, $"/lib/modules/{release}")))
        {
            throw new HostException(
                $"The guest root has /boot/vmlinuz-{release} but no /lib/modules/{release}.",
                ErrorCategory.InvalidResult, "ImageKernelModulesNotFound", release);
        }

        return new GuestKernel(release, kernels[0], Path.Combine(bootDir, $"config-{release}"));
    }
}
