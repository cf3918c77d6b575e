using System.Net;
using System.Net.Sockets;
using System.Text;
using HyperNest.Network.Dns;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>Resolve-DnsName against a loopback responder; it makes no host API call.</summary>
public sealed class ResolveDnsNameCommandTests : NetworkSession
{
    [Fact]
    public void ResolveDnsName_ServerWithPort_AsksItAndWritesARecords()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        string? asked = null;
        // A thread of its own: parallel tests can keep the thread pool busy past the query's timeout.
        var responder = new Thread(() => asked = AnswerOneQuery(udp, [192, 168, 100, 10]));
        responder.Start();

        var output = Session.Succeeds($"Resolve-DnsName vm1.lab -Server 127.0.0.1:{port}");

        var record = Assert.IsType<DnsRecord>(Assert.Single(output));
        Assert.Equal(("vm1.lab", "A", "192.168.100.10"), (record.Name, record.Type, record.IPAddress));
        Assert.True(responder.Join(TimeSpan.FromSeconds(5)));
        Assert.Equal("vm1", asked);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void ResolveDnsName_ServerNotAnAddress_ParameterError()
    {
        var error = Session.Fails("Resolve-DnsName vm1.lab -Server dns.example");

        Assert.Equal(("InvalidServer", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("'dns.example' is not an IP address", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveDnsName_UnsupportedType_ValidateSetError()
    {
        var error = Session.Fails("Resolve-DnsName vm1.lab -Type MX");

        Assert.Equal("ParameterArgumentValidationError", error.ErrorId());
        Assert.Contains("\"MX\"", error.Message(), StringComparison.Ordinal);
    }

    /// <summary>Answers one A query with <paramref name="address"/>; returns the first label asked for (null if none came).</summary>
    private static string? AnswerOneQuery(UdpClient udp, byte[] address)
    {
        var from = new IPEndPoint(IPAddress.Any, 0);
        byte[] query;
        try
        {
            query = udp.Receive(ref from);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null; // the test ended without asking; its assertions say why
        }

        var reply = query.ToList();
        reply[2] = 0x81;
        reply[3] = 0x80;
        reply[7] = 1; // ANCOUNT
        reply.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, .. address]);
        udp.Send(reply.ToArray(), reply.Count, from);
        return Encoding.ASCII.GetString(query, 13, query[12]);
    }
}
