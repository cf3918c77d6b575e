using HyperNest.Remoting;

namespace HyperNest.Core.Tests.Remoting;

public sealed class DirectMessageTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("ready")]
    [InlineData("open 7")]
    [InlineData("close 12")]
    [InlineData("data 3 <Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>AAEC</Data>")]
    [InlineData("data 3 ")]
    public void EveryForm_ReadsBackAsWritten(string line)
    {
        Assert.True(DirectMessage.TryParse(line, out var message));
        Assert.Equal(line, message.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("open")]
    [InlineData("open x")]
    [InlineData("open 0")]
    [InlineData("open -1")]
    [InlineData("open 1 extra")]
    [InlineData("data 1")]
    [InlineData("close 99999999999")]
    [InlineData("exec 1 rm -rf /")]
    public void AnythingElse_IsNotALine(string line) => Assert.False(DirectMessage.TryParse(line, out _));

    [Theory]
    [InlineData("data 4 xxxxxxxx", 4)]
    [InlineData("data 4", 4)]
    [InlineData("open 4 ", null)]
    [InlineData("garbage", null)]
    public void ChannelOf_ReadsTheSessionAnOverlongLineWasFor(string head, int? channel) => Assert.Equal(channel, DirectMessage.ChannelOf(head));
}
