using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Tests.Engine;

public class ArgumentConverterTests
{
    [Fact]
    public void Convert_SizeStringToLong_UsesSuffix()
    {
        Assert.Equal(2L << 30, ArgumentConverter.Convert("2GB", typeof(long)));
    }

    [Fact]
    public void Convert_ScalarToArray_WrapsIt()
    {
        Assert.Equal(new[] { "x" }, ArgumentConverter.Convert("x", typeof(string[])));
    }

    [Fact]
    public void Convert_ArrayToIntArray_ConvertsEach()
    {
        Assert.Equal(new[] { 1, 2 }, ArgumentConverter.Convert(new object?[] { 1, "2" }, typeof(int[])));
    }

    [Fact]
    public void Convert_SeveralValuesToScalar_Fails()
    {
        Assert.False(ArgumentConverter.TryConvert(new object?[] { 1, 2 }, typeof(int), out _));
    }

    [Fact]
    public void Convert_EnumFromNumber_Converts()
    {
        Assert.Equal(VmState.Running, ArgumentConverter.Convert(2, typeof(VmState)));
    }

    [Fact]
    public void Convert_WordToBool_FailsWithPowerShellMessage()
    {
        var error = Assert.Throws<ArgumentConverter.ConversionException>(() => ArgumentConverter.Convert("maybe", typeof(bool)));

        Assert.Contains("Boolean parameters accept only Boolean values and numbers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_OverflowingNumber_Fails()
    {
        Assert.False(ArgumentConverter.TryConvert(8L << 30, typeof(int), out _));
    }

    [Fact]
    public void Convert_NullToValueType_Fails()
    {
        Assert.False(ArgumentConverter.TryConvert(null, typeof(int), out _));
    }

    [Fact]
    public void Convert_BoolToString_PowerShellSpelling()
    {
        Assert.Equal("True", ArgumentConverter.Convert(true, typeof(string)));
    }
}
