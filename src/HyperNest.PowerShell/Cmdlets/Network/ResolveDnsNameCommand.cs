using System.Net;
using HyperNest.Hosting;
using HyperNest.Network.Dns;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Resolve-DnsName with HyperNest's own stub resolver, so it asks exactly the servers resolv.conf (or
/// -Server) names, which is what a user checking Set-DnsClientServerAddress or netsh wants to see.
/// </summary>
[Cmdlet("Resolve", "DnsName")]
public sealed class ResolveDnsNameCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Server { get; set; }

    [Parameter]
    [ValidateSet("A")]
    public string Type { get; set; } = "A";

    [Parameter]
    [ValidateRange(1, 60)]
    public int TimeoutSeconds { get; set; } = 3;

    protected override void Process()
    {
        var servers = Servers();
        try
        {
            WriteObjects(new DnsClient(TimeSpan.FromSeconds(TimeoutSeconds)).Query(Name, DnsMessage.TypeA, servers, CancellationToken));
        }
        catch (DnsQueryException ex)
        {
            WriteError(CreateError(ex.Message, ErrorCategory.ResourceUnavailable,
                ex.ResponseCode == DnsResponseCode.NameError ? "DNS_ERROR_RCODE_NAME_ERROR" : "DNS_ERROR", Name));
        }
        catch (ArgumentException ex)
        {
            ThrowParameterError(ex.Message, "InvalidDnsName");
        }
    }

    private List<IPEndPoint> Servers()
    {
        if (Server is null)
        {
            return ResolvConf.ReadNameservers(HostPaths.FromEnvironment().ResolverConfiguration)
                .Select(a => new IPEndPoint(a, DnsClient.DnsPort))
                .ToList();
        }

        var endpoints = new List<IPEndPoint>();
        foreach (var text in Server)
        {
            // "-Server 10.0.0.53" or "-Server 127.0.0.1:5353" (the port form lets tests use a local responder).
            if (IPEndPoint.TryParse(text, out var endpoint))
            {
                endpoints.Add(endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, DnsClient.DnsPort) : endpoint);
                continue;
            }

            ThrowParameterError($"'{text}' is not an IP address; -Server takes the DNS server's address (e.g. 10.0.0.53).", "InvalidServer");
        }

        return endpoints;
    }
}
