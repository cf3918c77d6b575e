using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Hyper-V's limits on VM settings, checked before anything is created or changed.</summary>
internal static class VmRules
{
    public const int MaxNameLength = 100;
    public const long MinimumMemoryBytes = 32L * 1024 * 1024;
    public const long MemoryAlignmentBytes = 2L * 1024 * 1024;

    // Hyper-V keeps a VM's files under a folder named after it, so it refuses the characters Windows
    // forbids in file names; HyperNest also refuses wildcard characters, which would make the name
    // unmatchable by Get-VM. Shell and QEMU meta characters (; , = $ ` ' spaces) are allowed: they never
    // reach a shell or QEMU's command line, which names VMs by id.
    private static readonly char[] ForbiddenNameCharacters = ['\\', '/', ':', '*', '?', '"', '<', '>', '|', '[', ']'];

    public static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw HostErrors.InvalidName(name, "the name is empty. Give the virtual machine a name with -Name.");
        }

        if (name.Length > MaxNameLength)
        {
            throw HostErrors.InvalidName(name, $"it is {name.Length} characters long; Hyper-V allows at most {MaxNameLength}.");
        }

        if (name != name.Trim())
        {
            throw HostErrors.InvalidName(name, "it begins or ends with white space. Remove the leading or trailing spaces.");
        }

        var bad = name.Where(c => char.IsControl(c) || ForbiddenNameCharacters.Contains(c)).Distinct().ToArray();
        if (bad.Length > 0)
        {
            var shown = string.Join(" ", bad.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
            throw HostErrors.InvalidName(name, $"it contains {shown}. A name cannot contain control characters or any of \\ / : * ? \" < > | [ ].");
        }
    }

    public static void CheckMemory(long bytes, long hostMemory, string vmName)
    {
        if (bytes < MinimumMemoryBytes)
        {
            throw HostErrors.InvalidArgument($"'{vmName}': {Format(bytes)} of startup memory is too little; the minimum is 32 MB.", vmName);
        }

        if (bytes % MemoryAlignmentBytes != 0)
        {
            throw HostErrors.InvalidArgument($"'{vmName}': startup memory must be a multiple of 2 MB; {Format(bytes)} is not. Try {Format(bytes / MemoryAlignmentBytes * MemoryAlignmentBytes + MemoryAlignmentBytes)}.", vmName);
        }

        if (hostMemory > 0 && bytes > hostMemory)
        {
            throw HostErrors.InvalidArgument($"'{vmName}': {Format(bytes)} of startup memory is more than this host has ({Format(hostMemory)}).", vmName);
        }
    }

    public static void CheckProcessorCount(int count, int hostProcessors, string vmName)
    {
        if (count < 1 || (hostProcessors > 0 && count > hostProcessors))
        {
            throw HostErrors.InvalidArgument($"'{vmName}': a virtual machine can have 1 to {hostProcessors} virtual processors on this host (its logical processor count); {count} was asked for.", vmName);
        }
    }

    public static void CheckGeneration(int generation)
    {
        if (generation is not (1 or 2))
        {
            throw HostErrors.InvalidArgument($"Generation {generation} does not exist. Use -Generation 1 (BIOS) or -Generation 2 (UEFI).");
        }
    }

    public static void CheckVersionSupported(VmConfigurationVersion version)
    {
        if (!version.IsSupported)
        {
            throw HostErrors.InvalidArgument(
                $"Configuration version {version} is not supported by this host. Supported versions: {string.Join(", ", VmConfigurationVersion.Supported)} (Get-VMHostSupportedVersion).");
        }
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.##} MB",
        _ => $"{bytes} bytes",
    };
}
