using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>
/// "&lt;boot_id&gt;/net:[inode]". The namespace inode alone can repeat after a reboot, and boot_id alone
/// cannot tell a namespace from the host's, so both are needed to know the kernel state is the one the
/// configuration was last applied to.
/// </summary>
public static class NetworkNamespaceIdentity
{
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";
    private const string NamespaceLink = "/proc/self/ns/net";

    public static string Current()
    {
        try
        {
            var bootId = File.ReadAllText(BootIdPath).Trim();
            var ns = new FileInfo(NamespaceLink).LinkTarget ?? throw new NetworkBackendException($"{NamespaceLink} is not a link.");
            return $"{bootId}/{ns}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NetworkBackendException($"Could not identify the boot and network namespace: {e.Message}", e);
        }
    }
}
