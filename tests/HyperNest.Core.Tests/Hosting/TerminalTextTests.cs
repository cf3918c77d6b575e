using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>A guest's console text cannot drive the administrator's terminal through Get-VMConsole.</summary>
public sealed class TerminalTextTests : IDisposable
{
    private readonly HostFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("plain text\twith a tab", "plain text\twith a tab")]
    [InlineData("\u001b[2J\u001b[Hcleared", "cleared")]
    [InlineData("\u001b[1;31mred\u001b[0m text", "red text")]
    [InlineData("\u001b]0;owned title\u0007after", "after")]
    [InlineData("\u001b]52;c;ZWNobyBoaQ==\u001b\\after", "after")]
    [InlineData("\u001bP+q544e\u001b\\x", "x")]
    [InlineData("\u001b(Bsame\u001b7\u001b8", "same")]
    [InlineData("\u009b2Jeight-bit\u009d0;title\u009c", "eight-bit")]
    [InlineData("bell\u0007 back\bspace del\u007f cr\r", "bell backspace del cr")]
    [InlineData("unterminated \u001b]0;title to the end", "unterminated ")]
    [InlineData("trailing escape \u001b", "trailing escape ")]
    [InlineData("héllo ✓ 日本", "héllo ✓ 日本")]
    public void Printable_RemovesControlSequences_KeepsText(string line, string expected) =>
        Assert.Equal(expected, TerminalText.Printable(line));

    [Fact]
    public void GetVmConsole_StripsTheGuestsControlSequences_UnlessRaw()
    {
        _fixture.Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        _fixture.Backend.Console.Add("\u001b]52;c;cm0gLXJmIH4=\u0007login: \u001b[8mhidden\u001b[0m");

        Assert.Equal("login: hidden", _fixture.Host.GetVmConsole("web1", 1).Single());
        Assert.Equal("\u001b]52;c;cm0gLXJmIH4=\u0007login: \u001b[8mhidden\u001b[0m", _fixture.Host.GetVmConsole("web1", 1, raw: true).Single());
    }
}
