using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Network.Nftables;

public sealed class PortGuardRulesetTests
{
    internal const string Table = "hypernest_ports_0123abcd";

    private const string Preamble =
        "table bridge hypernest_ports\n" +
        "delete table bridge hypernest_ports\n" +
        "table bridge hypernest_ports_0123abcd\n" +
        "delete table bridge hypernest_ports_0123abcd\n" +
        "table bridge hypernest_ports_0123abcd {\n" +
        "\tchain prerouting {\n" +
        "\t\ttype filter hook prerouting priority filter; policy accept;\n";

    internal static SwitchPortGuard Port(string tap, string mac, bool spoofing = false, bool dhcpGuard = true, bool routerGuard = true) =>
        new(tap, MacAddress.Parse(mac), spoofing, dhcpGuard, routerGuard);

    [Fact]
    public void Render_OnePortSpoofingOffGuardsOn_DropsForeignMacDhcpAndRouterAdvertisements()
    {
        var text = PortGuardRuleset.Render(Table, [Port("hn-tap0", "02:15:5D:00:00:01")]);

        Assert.Equal(
            Preamble +
            "\t\tiifname vmap { \"hn-tap0\" : jump port_0 }\n" +
            "\t}\n" +
            "\n" +
            "\tchain port_0 {\n" +
            "\t\tether saddr != 02:15:5d:00:00:01 drop\n" +
            "\t\tether type ip udp sport 67 udp dport 68 drop\n" +
            "\t\tether type ip6 udp sport 547 drop\n" +
            "\t\tether type ip6 icmpv6 type { nd-router-advert, nd-redirect } drop\n" +
            "\t}\n" +
            "}\n",
            text);
    }

    [Fact]
    public void Render_SeveralPorts_EachGetsOnlyItsOwnGuardsAndUnrestrictedPortsAreLeftOut()
    {
        var text = PortGuardRuleset.Render(
            Table,
        [
            Port("tap-a", "02-15-5d-00-00-0a", dhcpGuard: false, routerGuard: false),
            Port("tap-open", "02155d00000b", spoofing: true, dhcpGuard: false, routerGuard: false),
            Port("tap.c", "02:15:5d:00:00:0c", spoofing: true, dhcpGuard: true, routerGuard: false),
            Port("tap_d", "02:15:5d:00:00:0d", spoofing: true, dhcpGuard: false, routerGuard: true),
        ]);

        Assert.Equal(
            Preamble +
            "\t\tiifname vmap { \"tap-a\" : jump port_0, \"tap.c\" : jump port_1, \"tap_d\" : jump port_2 }\n" +
            "\t}\n" +
            "\n" +
            "\tchain port_0 {\n" +
            "\t\tether saddr != 02:15:5d:00:00:0a drop\n" +
            "\t}\n" +
            "\n" +
            "\tchain port_1 {\n" +
            "\t\tether type ip udp sport 67 udp dport 68 drop\n" +
            "\t\tether type ip6 udp sport 547 drop\n" +
            "\t}\n" +
            "\n" +
            "\tchain port_2 {\n" +
            "\t\tether type ip6 icmpv6 type { nd-router-advert, nd-redirect } drop\n" +
            "\t}\n" +
            "}\n",
            text);
    }

    [Fact]
    public void Render_NoPorts_DefinesTableAndHookedChainWithoutRules()
    {
        Assert.Equal(Preamble + "\t}\n}\n", PortGuardRuleset.Render(Table, []));
    }

    [Fact]
    public void Render_SameTapTwice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PortGuardRuleset.Render(
            Table,
            [Port("tap0", "02:00:00:00:00:01"), Port("tap0", "02:00:00:00:00:02")]));
        Assert.Contains("tap0", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tap0;")]
    [InlineData("tap0}")]
    [InlineData("tap\n0")]
    [InlineData("tap\"x")]
    [InlineData("tap 0")]
    [InlineData("tap/0")]
    [InlineData("tap'0")]
    [InlineData("$tap")]
    [InlineData("tap#0")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a23456789012345x")]
    public void SwitchPortGuard_UnsafeInterfaceName_ThrowsBeforeAnyTextExists(string tap)
    {
        var ex = Assert.Throws<ArgumentException>(() => Port(tap, "02:00:00:00:00:01"));
        Assert.Equal("tapInterface", ex.ParamName);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void SwitchPortGuard_FifteenCharacterName_IsAccepted()
    {
        Assert.Equal("a23456789012345", Port("a23456789012345", "02:00:00:00:00:01").TapInterface);
    }

    [Theory]
    [InlineData("02:00:00:00:00")]
    [InlineData("02:00:00:00:00:0g")]
    [InlineData("02:00:00:00:00:01;")]
    [InlineData("02:00-00:00:00:01")]
    [InlineData("02000000000")]
    [InlineData("")]
    public void MacAddress_Malformed_Throws(string mac)
    {
        Assert.Throws<ArgumentException>(() => MacAddress.Parse(mac));
    }

    [Theory]
    [InlineData("02:15:5D:AB:CD:EF")]
    [InlineData("02-15-5d-ab-cd-ef")]
    [InlineData("02155DABCDEF")]
    public void MacAddress_AnyHyperVForm_RendersLowerCaseWithColons(string mac)
    {
        Assert.Equal("02:15:5d:ab:cd:ef", MacAddress.Parse(mac).ToString());
    }
}
