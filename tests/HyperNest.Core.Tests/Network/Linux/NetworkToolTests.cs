using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

public sealed class NetworkToolTests
{
    [Fact]
    public void CommandLine_ArgumentsWithSpacesOrEmpty_AreQuoted()
    {
        var line = NetworkTool.CommandLine("ip", ["link", "set", "dev", "br0", "alias", "vEthernet (Lab)"]);

        Assert.Equal("ip link set dev br0 alias \"vEthernet (Lab)\"", line);
        Assert.Equal("ip link set dev br0 alias \"\"", NetworkTool.CommandLine("ip", ["link", "set", "dev", "br0", "alias", ""]));
    }
}
