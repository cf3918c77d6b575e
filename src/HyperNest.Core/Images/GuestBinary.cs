using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Images;

/// <summary>
/// Finds the self-contained hypernest binary that images ship at <see cref="GuestPath"/>, so the
/// guest-side cmdlets (Invoke-Command runs "hypernest -c") work in every guest.
/// </summary>
public static class GuestBinary
{
    public const string EnvironmentVariable = "HYPERNEST_GUEST_BINARY";

    /// <summary>Where ./run.sh publishes the binary on a host, and where images put it in the guest.</summary>
    public const string InstalledPath = "/usr/local/bin/hypernest";

    public const string GuestPath = InstalledPath;

    private const string PublishedFileName = "hypernest";

    /// <summary>The binary for this process's environment (see the overload for the order).</summary>
    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.ProcessPath, File.Exists);

    /// <summary>
    /// $HYPERNEST_GUEST_BINARY when set; else this process when it is the published binary (inside
    /// an L1 guest that is /usr/local/bin/hypernest, the same bytes the image hash was made from);
    /// else <see cref="InstalledPath"/>. Under dotnet/testhost the process is not the binary.
    /// </summary>
    public static string Locate(string? overridePath, string? processPath, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (!string.IsNullOrEmpty(overridePath))
        {
            return fileExists(overridePath)
                ? overridePath
                : throw Missing($"${EnvironmentVariable} names '{overridePath}', which does not exist.", overridePath);
        }

        if (!string.IsNullOrEmpty(processPath) && Path.GetFileName(processPath) == PublishedFileName && fileExists(processPath))
        {
            return processPath;
        }

        return fileExists(InstalledPath)
            ? InstalledPath
            : throw Missing($"There is no hypernest binary at {InstalledPath} to put into guest images.", InstalledPath);
    }

    /// <summary>The recipe entry that copies the binary into the guest (content-hashed).</summary>
    public static ExtraFile AsExtraFile(string hostPath) =>
        new(hostPath, GuestPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    private static HostException Missing(string problem, string path) => new(
        $"{problem} Guest images carry the self-contained hypernest binary: publish HyperNest first: ./run.sh (or set ${EnvironmentVariable}).",
        ErrorCategory.ObjectNotFound, "GuestBinaryMissing", path);
}
