using HyperNest.Network.Dns;

namespace HyperNest.Core.Tests.Network.Dns;

public class DnsMessageTests
{
    [Fact]
    public void EncodeQuery_Name_HeaderAndLabelsPerRfc1035()
    {
        var query = DnsMessage.EncodeQuery(0x1234, "ab.example.", DnsMessage.TypeA);

        byte[] expected = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 2, (byte)'a', (byte)'b', 7, .. "example"u8.ToArray(), 0, 0, 1, 0, 1];
        Assert.Equal(expected, query);
    }

    [Fact]
    public void EncodeQuery_LabelLongerThan63_Refused()
    {
        Assert.Throws<ArgumentException>(() => DnsMessage.EncodeQuery(1, new string('a', 64) + ".com", DnsMessage.TypeA));
    }

    [Fact]
    public void DecodeResponse_CompressedARecords_NamesAndAddresses()
    {
        var query = DnsMessage.EncodeQuery(7, "host.lab", DnsMessage.TypeA);

        var (id, code, answers) = DnsMessage.DecodeResponse(FakeDnsServer.Reply(query, 0, "10.0.0.5", "10.0.0.6"));

        Assert.Equal((7, DnsResponseCode.NoError), (id, code));
        Assert.Equal(
            [new DnsRecord("host.lab", "A", 300, "Answer", "10.0.0.5", null), new DnsRecord("host.lab", "A", 300, "Answer", "10.0.0.6", null)],
            answers);
    }

    [Fact]
    public void DecodeResponse_CnameThenA_BothWithTarget()
    {
        var query = DnsMessage.EncodeQuery(7, "www.lab", DnsMessage.TypeA);
        byte[] cname = [0xC0, 0x0C, 0, 5, 0, 1, 0, 0, 0, 60, 0, 6, 3, (byte)'w', (byte)'e', (byte)'b', 0xC0, 0x10];

        var (_, _, answers) = DnsMessage.DecodeResponse(FakeDnsServer.Reply(query, 0, [cname, FakeDnsServer.ARecord("10.0.0.9")]));

        Assert.Equal(("CNAME", "web.lab"), (answers[0].Type, answers[0].NameHost));
        Assert.Equal("10.0.0.9", answers[1].IPAddress);
    }

    [Fact]
    public void DecodeResponse_NxDomain_Code()
    {
        var query = DnsMessage.EncodeQuery(7, "nope.lab", DnsMessage.TypeA);

        Assert.Equal(DnsResponseCode.NameError, DnsMessage.DecodeResponse(FakeDnsServer.Reply(query, 3)).Code);
    }

    [Fact]
    public void DecodeResponse_Truncated_FormatException()
    {
        var reply = FakeDnsServer.Reply(DnsMessage.EncodeQuery(7, "host.lab", DnsMessage.TypeA), 0, "10.0.0.5");

        Assert.Throws<FormatException>(() => DnsMessage.DecodeResponse(reply.AsSpan(0, reply.Length - 2)));
    }

    [Fact]
    public void DecodeResponse_PointerLoop_FormatExceptionNotHang()
    {
        // Header with one answer whose name points at itself (offset 12).
        byte[] message = [0, 7, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4];

        Assert.Throws<FormatException>(() => DnsMessage.DecodeResponse(message));
    }
}
