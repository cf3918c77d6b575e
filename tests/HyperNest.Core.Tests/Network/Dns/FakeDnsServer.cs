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
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeDnsServer(Func<byte[], byte[]?> answer)
    {
        Answer = answer;
        _loop = Task.Run(Serve);
    }

    public Func<byte[], byte[]?> Answer { get; set; }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public int Queries { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket's disposal.
        }

        _stop.Dispose();
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

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Queries++;
            if (Answer(received.Buffer) is { } reply)
            {
                await _udp.SendAsync(reply, received.RemoteEndPoint);
            }
        }
    }
}
