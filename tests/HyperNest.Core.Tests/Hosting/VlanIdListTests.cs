using HyperNest.Hosting;

namespace HyperNest.Core.Tests.Hosting;

public sealed class VlanIdListTests
{
    [Theory]
    [InlineData("1-100,200", "1-100,200")]
    [InlineData(" 200 , 1-100 ", "1-100,200")]
    [InlineData("5,6,7,10-12,11-20", "5-7,10-20")]
    [InlineData("4094", "4094")]
    public void Parse_SortsAndMergesRanges(string text, string canonical) =>
        Assert.Equal(canonical, VlanIdList.Parse(text).ToString());

    [Theory]
    [InlineData("0")]
    [InlineData("4095")]
    [InlineData("1-4095")]
    [InlineData("100-1")]
    [InlineData("1-2-3")]
    [InlineData("ten")]
    [InlineData("1,,2")]
    [InlineData("-5")]
    public void Parse_RefusesWhatIsNoVlanIdOrRange_NamingThePiece(string text)
    {
        var error = Assert.Throws<HostException>(() => VlanIdList.Parse(text));

        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("1 to 4094", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_ListsEveryId() => Assert.Equal([1, 2, 3, 200], VlanIdList.Parse("1-3,200").Ids);
}
