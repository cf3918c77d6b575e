using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace HyperNest.Core.Tests.Network.Dns;

/// <summary>
/// A tiny UDP DNS responder on 127.0.0.1 for the client's tests. For each query it sends what
/// <see cref="Answer"/> builds from the query's bytes (null: stays silent, to test timeouts).
/// </summary>
public sealed class FakeDnsServer : IDisposable
{
    // A Socket, not a UdpClient: UdpClient.Dispose drops its socket, and a Receive blocked meanwhile then threw
    // NullReferenceException on the loop's thread, which crashed the whole test host (seen in full runs).
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Thread _loop;

    public FakeDnsServer(Func<byte[], byte[]?> answer)
    {
        Answer = answer;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        // A thread of its own, so a busy thread pool (tests run in parallel) cannot delay the answers.
        _loop = new Thread(Serve) { IsBackground = true, Name = "FakeDnsServer" };
        _loop.Start();
    }

    public Func<byte[], byte[]?> Answer { get; set; }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public int Queries { get; private set; }

    public void Dispose()
    {
        // Closing the socket ends the loop's blocking ReceiveFrom.
        _socket.Dispose();
        _loop.Join(TimeSpan.FromSeconds(2));
    }

    /// <summary>A response to <paramref name="query"/> echoing its question, with A answers (name by pointer to the question).</summary>
    public static byte[] Reply(byte[] query, int responseCode, params string[] addresses) => Reply(query, responseCode, addresses.Select(ARecord).ToArray());

    public static byte[] Reply(byte[] query, int responseCode, byte[][] answers)
    {
        var response = new List<byte>(query);
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(response)[2..], (ushort)(0x8180 | responseCode));
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(response)[6..], (ushort)answers.Length);
        foreach (var answer in answers)
        {
            response.AddRange(answer);
        }

        return response.ToArray();
    }

    /// <summary>An A record whose owner name points at the question's name (offset 12), TTL 300.</summary>
    public static byte[] ARecord(string address) =>
        [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 1, 0x2C, 0, 4, .. IPAddress.Parse(address).GetAddressBytes()];

    private void Serve()
    {
        var buffer = new byte[65536];
        while (true)
        {
            byte[] query;
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            try
            {
                query = buffer[.._socket.ReceiveFrom(buffer, ref from)];
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                continue; // ICMP port unreachable for an earlier reply to a client that already gave up
            }
            catch (SocketException)
            {
                return; // the socket was closed under the blocking Receive
            }

            if (query.Length < 12)
            {
                continue; // not a DNS query; a real server would drop it too
            }

            Queries++;
            if (Answer(query) is { } reply)
            {
                _socket.SendTo(reply, from);
            }
        }
    }
}
