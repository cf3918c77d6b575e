using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// What "L0's side" offers the nested guests in the acceptance tests: an HTTP server that sends a
/// payload of known size (a TCP transfer) and a DNS server that answers one name. Both listen on every
/// address of the test's own network namespace, on ports the kernel picks (DNS needs 53: guests'
/// resolvers cannot be told another port).
/// </summary>
internal sealed class LabServices : IDisposable
{
    public const string LabName = "lab.hypernest.test";

    private readonly TcpListener _http;
    private readonly UdpClient _dns;
    private readonly CancellationTokenSource _stop = new();
    private readonly IPAddress _answer;

    public LabServices(IPAddress answer, int payloadBytes)
    {
        _answer = answer;
        PayloadBytes = payloadBytes;
        _http = new TcpListener(IPAddress.Any, 0);
        _http.Start();
        _dns = new UdpClient(new IPEndPoint(IPAddress.Any, 53));
        _ = Task.Run(ServeHttpAsync);
        _ = Task.Run(ServeDnsAsync);
    }

    public int HttpPort => ((IPEndPoint)_http.LocalEndpoint).Port;

    public int PayloadBytes { get; }

    /// <summary>Requests served (a reachability check that the guest's answer really came from here).</summary>
    public int HttpRequests { get; private set; }

    public int DnsQueries { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _http.Stop();
        _dns.Dispose();
    }

    private async Task ServeHttpAsync()
    {
        var payload = new byte[PayloadBytes];
        new Random(7).NextBytes(payload);
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _http.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var request = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    HttpRequests++;
                    var header = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
                    await stream.WriteAsync(payload, _stop.Token);
                }
            });
        }
    }

    /// <summary>Answers A queries for <see cref="LabName"/> with the lab address, NXDOMAIN for anything else.</summary>
    private async Task ServeDnsAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult query;
            try
            {
                query = await _dns.ReceiveAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            DnsQueries++;
            var reply = Answer(query.Buffer);
            if (reply is not null)
            {
                await _dns.SendAsync(reply, query.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12)
        {
            return null;
        }

        // The question: labels from offset 12 up to the zero byte, then QTYPE and QCLASS.
        var offset = 12;
        var labels = new List<string>();
        while (offset < query.Length && query[offset] != 0)
        {
            var length = query[offset];
            labels.Add(Encoding.ASCII.GetString(query, offset + 1, length));
            offset += length + 1;
        }

        var questionEnd = offset + 5;
        if (questionEnd > query.Length)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset + 1));
        var known = string.Equals(string.Join('.', labels), LabName, StringComparison.OrdinalIgnoreCase);
        var answer = known && type == 1;
        var reply = new List<byte>(query[..questionEnd]);
        reply[2] = 0x81; // QR, RD
        reply[3] = (byte)(known ? 0x80 : 0x83); // RA, NOERROR or NXDOMAIN
        reply[6] = 0;
        reply[7] = (byte)(answer ? 1 : 0);
        reply[8] = reply[9] = reply[10] = reply[11] = 0;
        if (answer)
        {
            reply.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
            reply.AddRange(_answer.GetAddressBytes());
        }

        return [.. reply];
    }
}
