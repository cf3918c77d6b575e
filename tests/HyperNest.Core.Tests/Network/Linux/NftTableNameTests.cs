using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

public sealed class NftTableNameTests
{
    [Theory]
    [InlineData("inet", "hypernest_nat")]
    [InlineData("bridge", "hypernest-guard")]
    public void Require_Valid_ReturnsBoth(string family, string name) => Assert.Equal((family, name), NftTableName.Require(family, name));

    [Theory]
    [InlineData("inet", "x; flush ruleset")]
    [InlineData("inet", "")]
    [InlineData("inet", "1table")]
    [InlineData("inet6", "t")]
    [InlineData("inet; flush ruleset;", "t")]
    public void Require_Invalid_ThrowsArgumentException(string family, string name) =>
        Assert.Throws<ArgumentException>(() => NftTableName.Require(family, name));
}
