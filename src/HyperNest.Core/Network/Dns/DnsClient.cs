using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace HyperNest.Network.Dns;

/// <summary>
/// A small stub resolver: one UDP query per server, in order, until one answers. A server that times
/// out or fails (SERVFAIL, REFUSED) is skipped for the next; NXDOMAIN is a final answer, as in resolv.conf's
/// resolver. Replies whose ID or source does not match the query are ignored (spoofing, stale replies).
/// </summary>
public sealed class DnsClient(TimeSpan timeout)
{
    public const int DnsPort = 53;

    public IReadOnlyList<DnsRecord> Query(string name, ushort type, IReadOnlyList<IPEndPoint> servers, CancellationToken cancellationToken = default)
    {
        if (servers.Count == 0)
        {
            throw new DnsQueryException("No DNS servers are configured (resolv.conf has no nameserver line); give one with -Server.");
        }

        DnsQueryException? last = null;
        foreach (var server in servers)
        {
            try
            {
                var (code, answers) = Ask(name, type, server, cancellationToken);
                switch (code)
                {
                    case DnsResponseCode.NoError:
                        return answers;
                    case DnsResponseCode.NameError:
                        throw new DnsQueryException($"{name} : DNS name does not exist", code);
                    default:
                        last = new DnsQueryException($"{name} : {server.Address} answered {code}", code);
                        break;
                }
            }
            catch (TimeoutException)
            {
                last = new DnsQueryException($"{name} : This operation returned because the timeout period expired ({server.Address} did not answer in {timeout.TotalSeconds:0.#} s)");
            }
            catch (SocketException ex)
            {
                last = new DnsQueryException($"{name} : {server.Address} could not be asked: {ex.Message}");
            }
        }

        throw last!;
    }

    private (DnsResponseCode Code, IReadOnlyList<DnsRecord> Answers) Ask(string name, ushort type, IPEndPoint server, CancellationToken cancellationToken)
    {
        var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        socket.Send(DnsMessage.EncodeQuery(id, name, type));
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var buffer = new byte[4096];
        while (true)
        {
            // Synchronous waits in short slices: the shell is synchronous, blocking on async I/O could starve
            // the thread pool, and the slices let Ctrl+C (the token) stop a wait.
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                throw new TimeoutException();
            }

            if (!socket.Poll(TimeSpan.FromMilliseconds(Math.Min(remaining, 100)), SelectMode.SelectRead))
            {
                continue;
            }

            // A connected UDP socket only delivers datagrams from the server; still check the ID.
            var received = socket.Receive(buffer);
            try
            {
                var (replyId, code, answers) = DnsMessage.DecodeResponse(buffer.AsSpan(0, received));
                if (replyId == id)
                {
                    return (code, answers);
                }
            }
            catch (FormatException)
            {
                // A garbled datagram is not the answer; keep waiting until the deadline.
            }
        }
    }
}
