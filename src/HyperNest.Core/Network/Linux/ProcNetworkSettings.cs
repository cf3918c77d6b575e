namespace HyperNest.Network.Linux;

/// <summary>
/// Network sysctls through /proc/sys/net. Unlike /sys, these files always answer for the reader's own
/// network namespace (the proc sysctl table is looked up per current task), so they are right after
/// <c>unshare --net</c> too.
/// </summary>
public sealed class ProcNetworkSettings(string procSysNetDirectory = ProcNetworkSettings.DefaultDirectory)
{
    public const string DefaultDirectory = "/proc/sys/net";

    private string Ipv4ForwardPath => Path.Combine(procSysNetDirectory, "ipv4", "ip_forward");

    public bool Ipv4Forwarding
    {
        get => Read(Ipv4ForwardPath) == "1";
        set => Write(Ipv4ForwardPath, value ? "1" : "0");
    }

    /// <summary>
    /// Turns IPv6 off on one link, which also removes (or, before the link is up, prevents) its
    /// link-local address. Does nothing when the kernel has no IPv6 (the directory is absent).
    /// </summary>
    public void DisableIpv6(string link)
    {
        KernelLinkName.Require(link, nameof(link));
        var directory = Path.Combine(procSysNetDirectory, "ipv6", "conf", link);
        if (Directory.Exists(directory))
        {
            Write(Path.Combine(directory, "disable_ipv6"), "1");
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.NetworkBackendException($"Could not read {path}: {e.Message}", e);
        }
    }

    /// <summary>Opens without O_TRUNC or O_CREAT: a sysctl file exists or the setting does not.</summary>
    private static void Write(string path, string value)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(value + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.NetworkBackendException($"Could not write '{value}' to {path}: {e.Message}", e);
        }
    }
}
