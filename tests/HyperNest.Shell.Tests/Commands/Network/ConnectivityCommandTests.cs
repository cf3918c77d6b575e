using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HyperNest.Network.Dns;
using HyperNest.Shell.Commands.Network;

namespace HyperNest.Shell.Tests.Commands.Network;

/// <summary>Test-Connection, Resolve-DnsName and Invoke-WebRequest against loopback servers; they make no host API call.</summary>
public sealed class ConnectivityCommandTests : NetworkShell
{
    [Fact]
    public void TestConnection_QuietLoopback_True()
    {
        var result = Succeeds("Test-Connection -ComputerName 127.0.0.1 -Count 1 -Quiet");

        Assert.Equal(true, Assert.Single(result.Output));
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void TestConnection_Loopback_OneSuccessResultPerEcho()
    {
        var result = Succeeds("Test-Connection 127.0.0.1 -Count 1");

        var reply = Assert.IsType<PingResult>(Assert.Single(result.Output));
        Assert.Equal((1, "127.0.0.1", "Success"), (reply.Ping, reply.Address, reply.Status));
    }

    [Fact]
    public void TestConnection_UnresolvableName_QuietFalse()
    {
        var result = Succeeds("Test-Connection no-such-host.invalid -Count 1 -Quiet");

        Assert.Equal(false, Assert.Single(result.Output));
    }

    [Fact]
    public void ResolveDnsName_ServerWithPort_AsksItAndWritesARecords()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        string? asked = null;
        // A thread of its own: parallel tests can keep the thread pool busy past the query's timeout.
        var responder = new Thread(() =>
        {
            var from = new IPEndPoint(IPAddress.Any, 0);
            byte[] query;
            try
            {
                query = udp.Receive(ref from);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return; // the test ended without asking; its assertions say why
            }

            var reply = query.ToList();
            reply[2] = 0x81;
            reply[3] = 0x80;
            reply[7] = 1; // ANCOUNT
            reply.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 168, 100, 10]);
            udp.Send(reply.ToArray(), reply.Count, from);
            asked = Encoding.ASCII.GetString(query, 13, 3);
        });
        responder.Start();

        var result = Succeeds($"Resolve-DnsName vm1.lab -Server 127.0.0.1:{port}");

        var record = Assert.IsType<DnsRecord>(Assert.Single(result.Output));
        Assert.Equal(("vm1.lab", "A", "192.168.100.10"), (record.Name, record.Type, record.IPAddress));
        Assert.True(responder.Join(TimeSpan.FromSeconds(5)));
        Assert.Equal("vm1", asked);
    }

    [Fact]
    public void ResolveDnsName_BadServer_ParameterError()
    {
        var error = Fails("Resolve-DnsName vm1.lab -Server dns.example");

        Assert.Contains("'dns.example' is not an IP address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveDnsName_UnsupportedType_ValidateSet()
    {
        var error = Fails("Resolve-DnsName vm1.lab -Type MX");

        Assert.Equal("ParameterArgumentValidationError", error.ErrorId);
    }

    [Fact]
    public void InvokeWebRequest_Ok_StatusContentAndLength()
    {
        var url = Serve("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");

        var result = Succeeds($"Invoke-WebRequest -Uri {url} -UseBasicParsing -TimeoutSec 5");

        var response = Assert.IsType<WebResponseObject>(Assert.Single(result.Output));
        Assert.Equal((200, "hello", 5L), (response.StatusCode, response.Content, response.RawContentLength));
    }

    [Fact]
    public void InvokeWebRequest_NotFound_ErrorWithStatus()
    {
        var url = Serve("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var error = Fails($"Invoke-WebRequest {url}");

        Assert.Equal("Response status code does not indicate success: 404 (Not Found).", error.Message);
    }

    [Fact]
    public void InvokeWebRequest_FileScheme_ParameterError()
    {
        var error = Fails("Invoke-WebRequest file:///etc/passwd");

        Assert.Equal("InvalidUri", error.ErrorId);
    }

    /// <summary>Answers one HTTP request on loopback with <paramref name="response"/>; returns its URL.</summary>
    private static string Serve(string response)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            listener.Stop();
        });
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }
}
