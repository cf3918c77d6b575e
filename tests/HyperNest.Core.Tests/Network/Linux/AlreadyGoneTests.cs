using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

/// <summary>The stderr lines are the tools' own (iproute2 6.1, nftables 1.0.6, and older iproute2 for the address case).</summary>
public sealed class AlreadyGoneTests
{
    [Theory]
    [InlineData("Cannot find device \"hn-tap9\"\n")]
    [InlineData("Error: ipv4: Address not found.\n")]
    [InlineData("Error: ipv6: address not found.\n")]
    [InlineData("RTNETLINK answers: Cannot assign requested address\n")]
    [InlineData("RTNETLINK answers: No such process\n")]
    [InlineData("Error: Could not process rule: No such file or directory\ndelete table inet nosuch\n                  ^^^^^^\n")]
    public void IsAlreadyGone_MissingObject_True(string stderr) => Assert.True(AlreadyGone.IsAlreadyGone(stderr));

    [Theory]
    [InlineData("RTNETLINK answers: Operation not permitted\n")]
    [InlineData("RTNETLINK answers: Operation not supported\n")]
    [InlineData("RTNETLINK answers: File exists\n")]
    [InlineData("Error: Could not process rule: Device or resource busy\n")]
    [InlineData("")]
    public void IsAlreadyGone_RealFailure_False(string stderr) => Assert.False(AlreadyGone.IsAlreadyGone(stderr));
}
