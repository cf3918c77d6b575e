using HyperNest.Shell.Engine;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Tests.Language;

public class TokenizerTests
{
    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(text).Where(t => t.Kind != TokenKind.EndOfInput).ToList();

    [Fact]
    public void Tokenize_ParameterWithColon_MarksColonAndReadsValueNext()
    {
        var tokens = Tokens("-Count:4");

        Assert.Equal((TokenKind.Parameter, "Count", true), (tokens[0].Kind, tokens[0].Text, tokens[0].HasColon));
        Assert.Equal(4, tokens[1].Value);
    }

    [Fact]
    public void Tokenize_DoubleDashWord_IsWordNotParameter()
    {
        var token = Assert.Single(Tokens("--help"));

        Assert.Equal((TokenKind.Word, "--help"), (token.Kind, token.Text));
    }

    [Fact]
    public void Tokenize_BlockComment_Skipped()
    {
        Assert.Equal(["a", "b"], Tokens("a <# note\n more #> b").Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Tokenize_BacktickInWord_EscapesNextCharacter()
    {
        var token = Assert.Single(Tokens("a`;b"));

        Assert.Equal("a;b", token.Text);
    }

    [Fact]
    public void Tokenize_QuotedPartGluedToWord_IsOneWord()
    {
        var token = Assert.Single(Tokens("address=\"10.0.0.1\""));

        Assert.Equal((TokenKind.Word, "address=10.0.0.1"), (token.Kind, token.Text));
    }

    [Fact]
    public void Tokenize_QuotedNumber_IsStringNotNumber()
    {
        var token = Assert.Single(Tokens("'12XB'"));

        Assert.Equal((TokenKind.String, "12XB"), (token.Kind, token.Text));
    }

    [Fact]
    public void Tokenize_LowLetterQuoteOpening_ReadsGermanStyleQuotes()
    {
        var token = Assert.Single(Tokens("„Ethernet“"));

        Assert.Equal("Ethernet", token.Text);
    }

    [Fact]
    public void Tokenize_EnvironmentVariable_KeepsPrefix()
    {
        var token = Assert.Single(Tokens("$env:HOME"));

        Assert.Equal((TokenKind.Variable, "env:HOME"), (token.Kind, token.Text));
    }

    [Fact]
    public void Tokenize_VariableMemberPath_Captured()
    {
        var token = Assert.Single(Tokens("$_.State.Name"));

        Assert.Equal(["State", "Name"], (string[])token.Value!);
    }

    [Fact]
    public void Tokenize_Ampersand_ClearError()
    {
        var error = Assert.Throws<ShellException>(() => Tokens("a & b")).Record;

        Assert.Equal("AmpersandNotAllowed", error.ErrorId);
    }

    [Fact]
    public void Tokenize_IpAndMacAddresses_StayWords()
    {
        Assert.All(Tokens("10.0.0.1 00-15-5D-00-00-01 00155D000001 192.168.100.0/24"), t => Assert.Equal(TokenKind.Word, t.Kind));
    }
}
