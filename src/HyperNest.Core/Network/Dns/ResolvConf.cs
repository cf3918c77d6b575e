using System.Net;

namespace HyperNest.Network.Dns;

/// <summary>The "nameserver" lines of resolv.conf (resolv.conf(5)); everything else in it is ignored.</summary>
public static class ResolvConf
{
    public static IReadOnlyList<IPAddress> ParseNameservers(string text) =>
        text.Split('\n')
            .Select(line => line.Split('#', ';')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 2 && fields[0] == "nameserver")
            .Select(fields => IPAddress.TryParse(fields[1], out var address) ? address : null)
            .OfType<IPAddress>()
            .ToList();

    /// <summary>The servers of the file at <paramref name="path"/>; empty when it does not exist.</summary>
    public static IReadOnlyList<IPAddress> ReadNameservers(string path) =>
        File.Exists(path) ? ParseNameservers(File.ReadAllText(path)) : [];
}
