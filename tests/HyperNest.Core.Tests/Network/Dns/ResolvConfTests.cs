using System.Net;
using HyperNest.Network.Dns;

namespace HyperNest.Core.Tests.Network.Dns;

public class ResolvConfTests
{
    [Fact]
    public void ParseNameservers_CommentsOptionsAndBadLines_OnlyServersInOrder()
    {
        const string text = "# generated\nsearch lab\nnameserver 10.0.0.53\nnameserver  1.1.1.1 # second\n;nameserver 9.9.9.9\nnameserver bogus\noptions ndots:1\nnameserver fd00::53\n";

        Assert.Equal([IPAddress.Parse("10.0.0.53"), IPAddress.Parse("1.1.1.1"), IPAddress.Parse("fd00::53")], ResolvConf.ParseNameservers(text));
    }

    [Fact]
    public void ReadNameservers_MissingFile_Empty()
    {
        Assert.Empty(ResolvConf.ReadNameservers(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "resolv.conf")));
    }
}
