namespace HyperNest.Network.Linux;

/// <summary>This process's namespaces beside those of the processes it descends from, read from /proc/&lt;pid&gt;/ns.</summary>
public static class MachineNamespaces
{
    /// <summary>
    /// True when this process has a network namespace of its own (unshare -n, PrivateNetwork=) but shares
    /// its mount namespace, and so /etc, with an ancestor in another network namespace. The ancestors are
    /// asked rather than PID 1 alone, because /proc/1/ns cannot always be read from inside a new network
    /// namespace. ip netns exec gives a mount namespace of its own (with /etc/netns/&lt;name&gt; mounted
    /// over /etc), and a container's processes never see the host's: neither counts.
    /// </summary>
    /// <remarks>
    /// Read once per process and kept. A hypernestd a client started is a child of init: that client tells it
    /// (<see cref="Assume"/>), its own ancestry says nothing.
    /// </remarks>
    public static bool SharesEtcWithAnotherNetworkNamespace() => s_assumed ?? s_sharesEtc.Value;

    /// <summary>What the process that started this one found (hypernestd's launcher passes it on).</summary>
    public static void Assume(bool sharesEtc) => s_assumed = sharesEtc;

    private static bool? s_assumed;

    /// <summary>This process's network namespace ("net:[4026531840]"), or null where /proc does not say.</summary>
    public static string? OwnNetwork() => Namespace("self", "net");

    private static readonly Lazy<bool> s_sharesEtc = new(AskAncestors);

    private static bool AskAncestors()
    {
        var network = Namespace("self", "net");
        var mounts = Namespace("self", "mnt");
        if (network is null || mounts is null)
        {
            return false;
        }

        foreach (var ancestor in Ancestors())
        {
            var ancestorMounts = Namespace(ancestor, "mnt");
            var ancestorNetwork = Namespace(ancestor, "net");
            if (ancestorMounts == mounts && ancestorNetwork is not null && ancestorNetwork != network)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parent, grandparent, … up to PID 1 (as far as /proc lets them be read).</summary>
    private static IEnumerable<string> Ancestors()
    {
        var pid = ParentOf("self");
        for (var depth = 0; pid is > 0 && depth < 64; depth++)
        {
            var id = pid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return id;
            pid = pid == 1 ? null : ParentOf(id);
        }
    }

    /// <summary>Field 4 of /proc/&lt;pid&gt;/stat; the command name before it may hold spaces and parentheses.</summary>
    private static int? ParentOf(string process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out var parent) ? parent : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
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
