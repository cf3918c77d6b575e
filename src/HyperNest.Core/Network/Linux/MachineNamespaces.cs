namespace HyperNest.Network.Linux;

/// <summary>This process's namespaces beside the machine's (PID 1's), read from /proc/&lt;pid&gt;/ns.</summary>
public static class MachineNamespaces
{
    /// <summary>
    /// True when this process has a network namespace of its own (unshare -n) but the machine's mount
    /// namespace, so its /etc is the machine's. False when either cannot be read (/proc/1 needs root):
    /// a user who cannot read them cannot write the machine's /etc either.
    /// </summary>
    public static bool SharesEtcFromAnotherNetworkNamespace()
    {
        var network = Namespace("self", "net");
        var machineNetwork = Namespace("1", "net");
        var mounts = Namespace("self", "mnt");
        var machineMounts = Namespace("1", "mnt");
        return network is not null && machineNetwork is not null && mounts is not null && machineMounts is not null
            && network != machineNetwork && mounts == machineMounts;
    }

    private static string? Namespace(string process, string kind)
    {
        try
        {
            return new FileInfo($"/proc/{process}/ns/{kind}").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
