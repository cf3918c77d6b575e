namespace HyperNest.Qemu;

/// <summary>-kernel/-initrd/-append: boot a Linux kernel without firmware looking for a boot loader.</summary>
public sealed record QemuDirectKernelBoot(string KernelPath, string? InitrdPath = null, string? Append = null);
