using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Network.Nftables;

public sealed class NatRulesetTests
{
    internal const string Table = "hypernest_nat_0123abcd";

    private const string Preamble =
        "table inet hypernest_nat\n" +
        "delete table inet hypernest_nat\n" +
        "table inet hypernest_nat_0123abcd\n" +
        "delete table inet hypernest_nat_0123abcd\n" +
        "table inet hypernest_nat_0123abcd {\n" +
        "\tchain postrouting {\n" +
        "\t\ttype nat hook postrouting priority srcnat; policy accept;\n";

    private const string ForwardHead =
        "\t}\n" +
        "\n" +
        "\tchain forward {\n" +
        "\t\ttype filter hook forward priority filter; policy accept;\n";

    internal static NetNatDefinition Nat(string name, string prefix) => new(name, Ipv4Prefix.Parse(prefix));

    [Fact]
    public void Render_OnePrefix_MasqueradesOutboundAndAcceptsForwardedAndReturnTraffic()
    {
        var text = NatRuleset.Render(Table, [Nat("NestedNat", "192.168.100.0/24")]);

        Assert.Equal(
            Preamble +
            "\t\tip saddr 192.168.100.0/24 ip daddr != 192.168.100.0/24 masquerade comment \"NestedNat\"\n" +
            ForwardHead +
            "\t\tip saddr 192.168.100.0/24 accept comment \"NestedNat\"\n" +
            "\t\tip daddr 192.168.100.0/24 ct state established,related accept comment \"NestedNat\"\n" +
            "\t}\n" +
            "}\n",
            text);
    }

    [Fact]
    public void Render_TwoPrefixes_TagsEachRuleWithItsNat()
    {
        var text = NatRuleset.Render(Table, [Nat("Lab A", "192.168.100.0/24"), Nat("lab-b", "10.0.0.0/8")]);

        Assert.Equal(
            Preamble +
            "\t\tip saddr 192.168.100.0/24 ip daddr != 192.168.100.0/24 masquerade comment \"Lab A\"\n" +
            "\t\tip saddr 10.0.0.0/8 ip daddr != 10.0.0.0/8 masquerade comment \"lab-b\"\n" +
            ForwardHead +
            "\t\tip saddr 192.168.100.0/24 accept comment \"Lab A\"\n" +
            "\t\tip daddr 192.168.100.0/24 ct state established,related accept comment \"Lab A\"\n" +
            "\t\tip saddr 10.0.0.0/8 accept comment \"lab-b\"\n" +
            "\t\tip daddr 10.0.0.0/8 ct state established,related accept comment \"lab-b\"\n" +
            "\t}\n" +
            "}\n",
            text);
    }

    [Fact]
    public void Render_NoNats_DefinesBothChainsWithoutRules()
    {
        Assert.Equal(Preamble + ForwardHead + "\t}\n}\n", NatRuleset.Render(Table, []));
    }

    [Fact]
    public void Render_SameNameTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => NatRuleset.Render(Table, [Nat("n", "10.0.0.0/8"), Nat("N", "10.1.0.0/16")]));
    }

    [Theory]
    [InlineData("nat\" accept; #")]
    [InlineData("nat;")]
    [InlineData("nat}")]
    [InlineData("nat\nflush ruleset")]
    [InlineData("nat$x")]
    [InlineData("")]
    public void NetNatDefinition_UnsafeName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Nat(name, "10.0.0.0/8"));
        Assert.Equal("name", ex.ParamName);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void NetNatDefinition_NameLongerThanNftCommentLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => Nat(new string('n', 129), "10.0.0.0/8"));
    }

    [Fact]
    public void Ipv4Prefix_HostBitsSet_ThrowsNamingTheNetwork()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ipv4Prefix.Parse("192.168.100.1/24"));
        Assert.Contains("192.168.100.0/24", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.100.0")]
    [InlineData("192.168.100.0/33")]
    [InlineData("192.168.100.0/-1")]
    [InlineData("192.168.100.0/ 24")]
    [InlineData("192.168.100.0/24;")]
    [InlineData("192.168.256.0/24")]
    [InlineData("10.1/16")]
    [InlineData("fd00::/64")]
    [InlineData("")]
    public void Ipv4Prefix_Malformed_Throws(string prefix)
    {
        Assert.Throws<ArgumentException>(() => Ipv4Prefix.Parse(prefix));
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("172.16.5.4/32")]
    public void Ipv4Prefix_Valid_RoundTrips(string prefix)
    {
        Assert.Equal(prefix, Ipv4Prefix.Parse(prefix).ToString());
    }
}
