namespace HyperNest.Platform;

/// <summary>Loaded kernel modules, from /proc/modules.</summary>
public static class KernelModules
{
    /// <summary>Other hypervisors' drivers that take VT-x/AMD-V for themselves (VirtualBox, VMware).</summary>
    public static readonly IReadOnlyList<string> ConflictingHypervisors = ["vboxdrv", "vmmon", "vmx86"];

    public static IReadOnlyList<string> LoadedOf(IReadOnlyList<string> names, string path = "/proc/modules")
    {
        try
        {
            return File.ReadLines(path)
                .Select(line => line.Split(' ', 2)[0])
                .Where(names.Contains)
                .ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
