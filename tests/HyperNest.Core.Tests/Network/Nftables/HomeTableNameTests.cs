using HyperNest.Network.Linux;
using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Network.Nftables;

/// <summary>Two homes in one network namespace own different tables, so neither replaces the other's rules.</summary>
public sealed class HomeTableNameTests
{
    [Fact]
    public void TwoHomes_GetDifferentTables_OneHomeAlwaysTheSame()
    {
        Assert.NotEqual(NatRuleset.TableName("/var/lib/hypernest"), NatRuleset.TableName("/tmp/hn-it-1"));
        Assert.NotEqual(PortGuardRuleset.TableName("/var/lib/hypernest"), PortGuardRuleset.TableName("/tmp/hn-it-1"));
        Assert.Equal(NatRuleset.TableName("/var/lib/hypernest"), NatRuleset.TableName("/var/lib/hypernest/"));
        Assert.Equal(PortGuardRuleset.TableName("/tmp/x/../hn"), PortGuardRuleset.TableName("/tmp/hn"));
    }

    [Fact]
    public void TableNames_AreValidNftIdentifiers_NamedForHyperNest()
    {
        var nat = NatRuleset.TableName("/var/lib/hypernest");
        var ports = PortGuardRuleset.TableName("/var/lib/hypernest");

        Assert.Matches("^hypernest_nat_[0-9a-f]{8}$", nat);
        Assert.Matches("^hypernest_ports_[0-9a-f]{8}$", ports);
        NftTableName.Require(NatRuleset.Family, nat);
        NftTableName.Require(PortGuardRuleset.Family, ports);
    }
}
