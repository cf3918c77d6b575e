using HyperNest.Model;

namespace HyperNest.PowerShell.Cmdlets.Network.Netsh;

/// <summary>
/// "netsh interface ipv4 show dnsservers" text, laid out as Windows prints it so scripts and eyes that
/// know it find the same lines ("Statically Configured DNS Servers:    1.2.3.4").
/// </summary>
public static class NetshDnsServersText
{
    private const string Label = "    Statically Configured DNS Servers:    ";

    public static IEnumerable<string> Lines(IEnumerable<DnsClientServerAddress> entries)
    {
        foreach (var entry in entries)
        {
            yield return "";
            yield return $"Configuration for interface \"{entry.InterfaceAlias}\"";
            if (entry.ServerAddresses.Count == 0)
            {
                yield return Label + "None";
            }
            else
            {
                yield return Label + entry.ServerAddresses[0];
                foreach (var server in entry.ServerAddresses.Skip(1))
                {
                    yield return new string(' ', Label.Length) + server;
                }
            }

            yield return "    Register with which suffix:           Primary only";
        }

        yield return "";
    }
}
