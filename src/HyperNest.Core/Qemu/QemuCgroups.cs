using System.Globalization;
using HyperNest.Platform;

namespace HyperNest.Qemu;

/// <summary>
/// Each VM's QEMU in cgroups of its own, as libvirt places its QEMUs (in its machine slice where systemd runs,
/// in the hierarchy the machine has otherwise): "hypernest-&lt;home tag&gt;/vm-&lt;id&gt;" below the cgroup of
/// the process that starts it (hypernestd), in the memory and cpuacct hierarchies of cgroup v1. QEMU enters
/// them before its first instruction (the launcher's shell writes its own pid, which QEMU keeps), so what the
/// cgroups count is the VM's, whatever threads QEMU makes; the home's cgroup holds all its VMs, where a limit
/// for all of them belongs. Where cgroup v1 is not mounted or not writable, VMs run without (usage then comes
/// from /proc); cgroup v2 (systemd's unified hierarchy) is not handled yet.
/// </summary>
public static class QemuCgroups
{
    public static readonly IReadOnlyList<string> Controllers = ["memory", "cpuacct"];

    /// <summary>The VM's cgroup directories, created; empty when this machine gives HyperNest no cgroup v1 to use.</summary>
    public static IReadOnlyList<string> Create(string home, Guid vmId)
    {
        var created = new List<string>();
        foreach (var directory in VmDirectories(home, vmId))
        {
            try
            {
                System.IO.Directory.CreateDirectory(directory);
                created.Add(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Read-only cgroup file system (an unprivileged container): the VM runs without.
            }
        }

        return created;
    }

    /// <summary>
    /// Removes the VM's cgroups once its QEMU is gone, and the home's when it was the last (the kernel refuses
    /// while a task or a child cgroup is in one: then it stays), so no home leaves cgroups behind.
    /// </summary>
    public static void Remove(string home, Guid vmId)
    {
        foreach (var directory in VmDirectories(home, vmId))
        {
            // QEMU's main thread has ended (the caller saw its pid go) but its other threads may still be
            // leaving the cgroup: the kernel refuses the rmdir (EBUSY) until the last one has.
            var deadline = DateTime.UtcNow + ThreadsLeaving;
            while (!TryRemove(directory) && System.IO.Directory.Exists(directory) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            TryRemove(Path.GetDirectoryName(directory)!);
        }
    }

    /// <summary>Removes the home's VM cgroups no task is in (their QEMU ended without HyperNest seeing it); returns them.</summary>
    public static IReadOnlyList<string> RemoveUnused(string home)
    {
        var removed = new List<string>();
        foreach (var homeDirectory in HomeDirectories(home).Values.Where(System.IO.Directory.Exists))
        {
            removed.AddRange(System.IO.Directory.GetDirectories(homeDirectory, "vm-*").Where(TryRemove));
            TryRemove(homeDirectory);
        }

        return removed;
    }

    /// <summary>
    /// The soft limit of the home's memory cgroup, which holds all its VMs (null: none). Soft: past it, under
    /// the host's memory pressure, the kernel reclaims from the VMs first, but never kills a QEMU for it, as a
    /// hard limit's OOM killer would. Nothing when the home has no cgroup now (no VM runs): each start sets it again.
    /// </summary>
    public static void SetSoftLimit(string home, long? bytes)
    {
        if (!HomeDirectories(home).TryGetValue("memory", out var directory) || !System.IO.Directory.Exists(directory))
        {
            return;
        }

        try
        {
            File.WriteAllText(Path.Combine(directory, "memory.soft_limit_in_bytes"), bytes is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "-1");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cgroup file system: Dynamic Memory's budget still holds.
        }
    }

    /// <summary>How long the last threads of an ended QEMU may take to leave its cgroup.</summary>
    private static readonly TimeSpan ThreadsLeaving = TimeSpan.FromSeconds(2);

    private static bool TryRemove(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already, or still in use.
            return false;
        }
    }

    /// <summary>
    /// The VM's CPU time and memory as its cgroups count them (cpuacct.usage; memory.stat's total_rss, the
    /// guest's RAM and QEMU's own heap, not the page cache of its disk files), or null when QEMU (<paramref name="pid"/>)
    /// is not in a VM cgroup of HyperNest's.
    /// </summary>
    public static (TimeSpan CpuTime, long ResidentBytes)? ReadUsage(int pid, Guid vmId)
    {
        var suffix = "/" + VmDirectoryName(vmId);
        var directories = CgroupV1.DirectoriesOf(pid, Controllers);
        if (!directories.TryGetValue("cpuacct", out var cpu) || !directories.TryGetValue("memory", out var memory)
            || !cpu.EndsWith(suffix, StringComparison.Ordinal) || !memory.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var nanoseconds = long.Parse(File.ReadAllText(Path.Combine(cpu, "cpuacct.usage")).Trim(), CultureInfo.InvariantCulture);
            var rss = File.ReadLines(Path.Combine(memory, "memory.stat"))
                .Select(line => line.Split(' '))
                .Where(fields => fields.Length == 2 && fields[0] == "total_rss")
                .Select(fields => long.Parse(fields[1], CultureInfo.InvariantCulture))
                .FirstOrDefault();
            return (TimeSpan.FromTicks(nanoseconds / 100), rss);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The home's cgroup in each hierarchy of <see cref="Controllers"/> that is there, below this process's own, by controller.</summary>
    public static IReadOnlyDictionary<string, string> HomeDirectories(string home) =>
        CgroupV1.DirectoriesOf(Environment.ProcessId, Controllers).ToDictionary(own => own.Key, own => Path.Combine(own.Value, "hypernest-" + Hosting.HostPaths.HomeTag(home)));

    private static IEnumerable<string> VmDirectories(string home, Guid vmId) =>
        HomeDirectories(home).Values.Select(d => Path.Combine(d, VmDirectoryName(vmId)));

    private static string VmDirectoryName(Guid vmId) => "vm-" + vmId.ToString("D");
}
