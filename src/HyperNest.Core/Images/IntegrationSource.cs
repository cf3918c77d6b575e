using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// Finds the installed HyperNest folder (self-contained publish: the hypernest executable, its dlls and
/// HyperNest.psd1) that the integration disk is made from.
/// </summary>
public static class IntegrationSource
{
    public const string EnvironmentVariable = "HYPERNEST_INTEGRATION_SOURCE";

    /// <summary>Where ./run.sh installs HyperNest on a host (with /usr/local/bin/hypernest linking into it).</summary>
    public const string InstalledFolder = "/usr/local/lib/hypernest";

    private const string ExecutableName = "hypernest";

    /// <summary>
    /// The entry assembly beside the executable. Only a folder publish has it (a single-file build carries
    /// it inside), so an older single-file install in /usr/local/bin never turns that folder into a disk.
    /// </summary>
    private const string EntryAssemblyName = "hypernest.dll";

    /// <summary>The folder for this process's environment (see the overload for the order), or null when there is none.</summary>
    public static string? Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.ProcessPath, IsPublishedFolder);

    /// <summary>
    /// $HYPERNEST_INTEGRATION_SOURCE when set; else the folder of this process when it is the published
    /// hypernest (inside an L1 guest that is the mounted integration disk itself); else
    /// <see cref="InstalledFolder"/>. Under dotnet, testhost or another pwsh the process is not HyperNest.
    /// </summary>
    /// <exception cref="HostException">The variable names a folder without a published HyperNest: a typo must not fall back silently.</exception>
    public static string? Locate(string? overrideFolder, string? processPath, Func<string, bool> isPublishedFolder)
    {
        ArgumentNullException.ThrowIfNull(isPublishedFolder);
        if (!string.IsNullOrEmpty(overrideFolder))
        {
            return isPublishedFolder(overrideFolder)
                ? Path.GetFullPath(overrideFolder)
                : throw new HostException(
                    $"${EnvironmentVariable} names '{overrideFolder}', which holds no published HyperNest ({ExecutableName} and {EntryAssemblyName}). " +
                    "Point it at the output folder of a self-contained publish, or unset it to use the installed HyperNest.",
                    ErrorCategory.ObjectNotFound, "IntegrationSourceMissing", overrideFolder);
        }

        if (Path.GetFileName(processPath) == ExecutableName && Path.GetDirectoryName(processPath) is { Length: > 0 } processFolder
            && isPublishedFolder(processFolder))
        {
            return processFolder;
        }

        return isPublishedFolder(InstalledFolder) ? InstalledFolder : null;
    }

    public static bool IsPublishedFolder(string folder) =>
        File.Exists(Path.Combine(folder, ExecutableName)) && File.Exists(Path.Combine(folder, EntryAssemblyName));

    /// <summary>What Start-VM warns when <see cref="Locate()"/> finds nothing: the VM starts, without HyperNest inside.</summary>
    public static string MissingWarning =>
        $"The virtual machine starts without HyperNest's integration disk: there is no installed HyperNest at {InstalledFolder} " +
        $"(and ${EnvironmentVariable} is not set). Invoke-Command and Enter-PSSession -VMName run HyperNest inside the guest " +
        $"from that disk. Install HyperNest on this host with ./run.sh, or set ${EnvironmentVariable} to a published HyperNest folder, then restart the virtual machine.";
}
