using HyperNest.Network.Linux;

namespace HyperNest.Core.Tests.Network.Linux;

public sealed class KernelLinkNameTests
{
    [Theory]
    [InlineData("eth0")]
    [InlineData("hn-sw-0123abcd")]
    [InlineData("a23456789012345")]
    [InlineData("br.10")]
    [InlineData("vnet@x")]
    public void Require_ValidName_ReturnsIt(string name) => Assert.Equal(name, KernelLinkName.Require(name, "link"));

    [Theory]
    [InlineData("")]
    [InlineData("a234567890123456")]
    [InlineData("ééééééééé")] // 9 characters, 18 bytes: IFNAMSIZ counts bytes.
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../eth0")]
    [InlineData("br 0")]
    [InlineData("br\t0")]
    [InlineData("br\n0")]
    [InlineData("eth0:1")]
    public void Require_InvalidName_ThrowsArgumentException(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => KernelLinkName.Require(name, "link"));

        Assert.Equal("link", error.ParamName);
    }

    [Theory]
    [InlineData("eth0", true)]
    [InlineData("bad\u0001nm", false)] // the kernel allows it; it is listed but never made into a sysfs path
    [InlineData("..", false)]
    public void IsValid_MatchesRequire(string name, bool valid) => Assert.Equal(valid, KernelLinkName.IsValid(name));
}
