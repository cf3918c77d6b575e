using System.Net;
using HyperNest.Network.Dns;

namespace HyperNest.Core.Tests.Network.Dns;

public sealed class DnsClientTests : IDisposable
{
    private readonly FakeDnsServer _server = new(query => FakeDnsServer.Reply(query, 0, "192.168.100.10"));
    // Generous for answers (tests run in parallel on a busy machine); the silence tests use a short one.
    private readonly DnsClient _client = new(TimeSpan.FromSeconds(5));
    private readonly DnsClient _impatient = new(TimeSpan.FromMilliseconds(300));

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Query_ServerAnswers_ARecords()
    {
        var answers = _client.Query("vm1.lab", DnsMessage.TypeA, [_server.EndPoint]);

        Assert.Equal("192.168.100.10", Assert.Single(answers).IPAddress);
        Assert.Equal("vm1.lab", answers[0].Name);
    }

    [Fact]
    public void Query_NxDomain_WindowsMessageAndNoFallback()
    {
        _server.Answer = query => FakeDnsServer.Reply(query, 3);
        using var second = new FakeDnsServer(query => FakeDnsServer.Reply(query, 0, "10.9.9.9"));

        var ex = Assert.Throws<DnsQueryException>(() => _client.Query("nope.lab", DnsMessage.TypeA, [_server.EndPoint, second.EndPoint]));

        Assert.Equal(("nope.lab : DNS name does not exist", DnsResponseCode.NameError), (ex.Message, ex.ResponseCode));
        Assert.Equal(0, second.Queries);
    }

    [Fact]
    public void Query_FirstServerSilent_SecondAnswers()
    {
        _server.Answer = _ => null;
        using var second = new FakeDnsServer(query => FakeDnsServer.Reply(query, 0, "10.9.9.9"));

        var answers = new DnsClient(TimeSpan.FromSeconds(1)).Query("vm1.lab", DnsMessage.TypeA, [_server.EndPoint, second.EndPoint]);

        Assert.Equal("10.9.9.9", Assert.Single(answers).IPAddress);
    }

    [Fact]
    public void Query_ServerFailure_TriesNext()
    {
        _server.Answer = query => FakeDnsServer.Reply(query, 2);
        using var second = new FakeDnsServer(query => FakeDnsServer.Reply(query, 0, "10.9.9.9"));

        Assert.Single(_client.Query("vm1.lab", DnsMessage.TypeA, [_server.EndPoint, second.EndPoint]));
    }

    [Fact]
    public void Query_OnlySilentServer_TimeoutError()
    {
        _server.Answer = _ => null;

        var ex = Assert.Throws<DnsQueryException>(() => _impatient.Query("vm1.lab", DnsMessage.TypeA, [_server.EndPoint]));

        Assert.Contains("timeout period expired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_ReplyWithWrongId_IgnoredUntilTheRightOne()
    {
        _server.Answer = query =>
        {
            var wrong = FakeDnsServer.Reply(query, 0, "6.6.6.6");
            wrong[0] ^= 0xFF;
            return wrong;
        };

        Assert.Throws<DnsQueryException>(() => _impatient.Query("vm1.lab", DnsMessage.TypeA, [_server.EndPoint]));
    }

    [Fact]
    public void Query_NoServers_SaysSo()
    {
        var ex = Assert.Throws<DnsQueryException>(() => _client.Query("vm1.lab", DnsMessage.TypeA, Array.Empty<IPEndPoint>()));

        Assert.Contains("No DNS servers", ex.Message, StringComparison.Ordinal);
    }
}
