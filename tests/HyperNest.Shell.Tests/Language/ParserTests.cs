using HyperNest.Hosting;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Tests.Language;

public class ParserTests
{
    private static CommandAst SingleCommand(string script)
    {
        var statement = Assert.Single(Parser.Parse(script).Statements);
        var pipeline = Assert.IsType<PipelineAst>(statement);
        return Assert.IsType<CommandAst>(Assert.Single(pipeline.Elements));
    }

    private static object? ArgumentValue(CommandElementAst element) =>
        Assert.IsType<ConstantAst>(Assert.IsType<CommandArgumentAst>(element).Value).Value;

    private static ErrorRecord ParseError(string script) => Assert.Throws<ShellException>(() => Parser.Parse(script)).Record;

    [Fact]
    public void Parse_LowercaseSeedLine_GivesNameParametersAndArguments()
    {
        var command = SingleCommand("new-vmswitch -name VmNAT -SwitchType Internal");

        Assert.Equal("new-vmswitch", command.Name);
        Assert.Equal("name", Assert.IsType<CommandParameterAst>(command.Elements[0]).Name);
        Assert.Equal("VmNAT", ArgumentValue(command.Elements[1]));
        Assert.Equal("SwitchType", Assert.IsType<CommandParameterAst>(command.Elements[2]).Name);
        Assert.Equal("Internal", ArgumentValue(command.Elements[3]));
    }

    [Fact]
    public void Parse_EnDashesAndTypographicQuotes_TreatedAsDashAndQuotes()
    {
        var command = SingleCommand("New-NetNat –Name LocalNAT —InternalIPInterfaceAddressPrefix “192.168.100.0/24”");

        Assert.Equal("Name", Assert.IsType<CommandParameterAst>(command.Elements[0]).Name);
        Assert.Equal("InternalIPInterfaceAddressPrefix", Assert.IsType<CommandParameterAst>(command.Elements[2]).Name);
        Assert.Equal("192.168.100.0/24", ArgumentValue(command.Elements[3]));
    }

    [Fact]
    public void Parse_MinusSignBeforeName_IsParameter()
    {
        var command = SingleCommand("Get-VM \u2212Name x");

        Assert.Equal("Name", Assert.IsType<CommandParameterAst>(command.Elements[0]).Name);
    }

    [Fact]
    public void Parse_NetshSeedLine_KeepsBareWordsAndAssignmentText()
    {
        var command = SingleCommand("Netsh interface ip add dnsserver “Ethernet” address=10.0.0.1");

        Assert.Equal("Netsh", command.Name);
        Assert.Equal(["interface", "ip", "add", "dnsserver", "Ethernet", "address=10.0.0.1"], command.Elements.Select(e => (string)ArgumentValue(e)!).ToArray());
    }

    [Fact]
    public void Parse_Pipeline_GivesTwoCommands()
    {
        var pipeline = Assert.IsType<PipelineAst>(Assert.Single(Parser.Parse("Get-VMNetworkAdapter -VMName L1 | Set-VMNetworkAdapter -MacAddressSpoofing On").Statements));

        Assert.Equal(["Get-VMNetworkAdapter", "Set-VMNetworkAdapter"], pipeline.Elements.Cast<CommandAst>().Select(c => c.Name).ToArray());
    }

    [Fact]
    public void Parse_ColonArgument_AttachesValueToParameter()
    {
        var command = SingleCommand("Stop-VM -Force:$false");

        var parameter = Assert.IsType<CommandParameterAst>(Assert.Single(command.Elements));
        Assert.Equal("Force", parameter.Name);
        Assert.Equal("false", Assert.IsType<VariableAst>(parameter.Argument).Name);
    }

    [Theory]
    [InlineData("4GB", 4L * 1024 * 1024 * 1024)]
    [InlineData("512mb", 512L * 1024 * 1024)]
    [InlineData("1KB", 1024L)]
    [InlineData("2TB", 2L << 40)]
    [InlineData("1PB", 1L << 50)]
    [InlineData("1.5GB", 1610612736L)]
    public void Parse_SizeSuffix_GivesLongBytes(string text, long expected)
    {
        var value = ArgumentValue(SingleCommand("New-VM -MemoryStartupBytes " + text).Elements[1]);

        Assert.Equal(expected, Assert.IsType<long>(value));
    }

    [Fact]
    public void Parse_IntegerAndDecimal_GiveIntAndDouble()
    {
        var command = SingleCommand("x 42 8.0 -5 0x10");

        Assert.Equal(42, ArgumentValue(command.Elements[0]));
        Assert.Equal(8.0, ArgumentValue(command.Elements[1]));
        Assert.Equal(-5, ArgumentValue(command.Elements[2]));
        Assert.Equal(16, ArgumentValue(command.Elements[3]));
        Assert.Equal("8.0", Assert.IsType<ConstantAst>(Assert.IsType<CommandArgumentAst>(command.Elements[1]).Value).Text);
    }

    [Fact]
    public void Parse_BadSizeSuffix_IsParserErrorNamingTheSuffix()
    {
        var error = ParseError("New-VM -MemoryStartupBytes 12XB");

        Assert.Equal(ErrorCategory.ParserError, error.Category);
        Assert.Equal("BadNumericConstant", error.ErrorId);
        Assert.Contains("'XB'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Extent!.Value.Line);
        Assert.Equal(28, error.Extent!.Value.Column);
    }

    [Fact]
    public void Parse_PlaceholderFromDocs_IsErrorNamingItAndSayingReplace()
    {
        var error = ParseError("Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true");

        Assert.Equal("PlaceholderNotReplaced", error.ErrorId);
        Assert.Contains("<VMName>", error.Message, StringComparison.Ordinal);
        Assert.Contains("Replace", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, error.Extent!.Value.Column);
    }

    [Fact]
    public void Parse_PlaceholderWithSpacesInsideWord_IsPlaceholderError()
    {
        var error = ParseError("Netsh interface ip add dnsserver “Ethernet” address=<my DNS server>");

        Assert.Contains("<my DNS server>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SingleQuotes_AreLiteralWithDoubledQuoteEscape()
    {
        var command = SingleCommand("Write-Output 'it''s $x `n' ‘typo’");

        Assert.Equal("it's $x `n", ArgumentValue(command.Elements[0]));
        Assert.Equal("typo", ArgumentValue(command.Elements[1]));
    }

    [Fact]
    public void Parse_DoubleQuotes_ProcessBacktickEscapesAndVariables()
    {
        var command = SingleCommand("Write-Output \"a`tb`\"c\" \"vm $name!\"");

        Assert.Equal("a\tb\"c", ArgumentValue(command.Elements[0]));
        var expandable = Assert.IsType<ExpandableStringAst>(Assert.IsType<CommandArgumentAst>(command.Elements[1]).Value);
        Assert.Equal("name", expandable.Parts[1].VariableName);
    }

    [Fact]
    public void Parse_CommaList_GivesArray()
    {
        var command = SingleCommand("Get-VM -Name a,b, c");

        var array = Assert.IsType<ArrayLiteralAst>(Assert.IsType<CommandArgumentAst>(command.Elements[1]).Value);
        Assert.Equal(["a", "b", "c"], array.Elements.Cast<ConstantAst>().Select(c => c.Value).ToArray());
    }

    [Fact]
    public void Parse_CommentsSemicolonsAndNewlines_SeparateStatements()
    {
        var script = Parser.Parse("Get-VM # list\nStart-VM L1; Stop-VM L1\n\n# only a comment\n");

        Assert.Equal(3, script.Statements.Count);
    }

    [Fact]
    public void Parse_BacktickContinuation_JoinsLines()
    {
        var command = SingleCommand("New-VM -Name L1 `\n  -MemoryStartupBytes 4GB");

        Assert.Equal(4, command.Elements.Count);
    }

    [Fact]
    public void Parse_ScriptBlock_KeepsRawText()
    {
        var command = SingleCommand("Where-Object { $_.State -eq 'Running' }");

        Assert.Equal(" $_.State -eq 'Running' ", Assert.IsType<ScriptBlockAst>(Assert.IsType<CommandArgumentAst>(command.Elements[0]).Value).Text);
    }

    [Fact]
    public void Parse_SubExpression_ParsesInnerPipeline()
    {
        var command = SingleCommand("Start-VM (Get-VM L1)");

        var sub = Assert.IsType<SubExpressionAst>(Assert.IsType<CommandArgumentAst>(command.Elements[0]).Value);
        Assert.Single(sub.Script.Statements);
    }

    [Fact]
    public void Parse_Assignment_GivesAssignmentStatement()
    {
        var assignment = Assert.IsType<AssignmentAst>(Assert.Single(Parser.Parse("$vm = Get-VM L1").Statements));

        Assert.Equal("vm", assignment.VariableName);
    }

    [Theory]
    [InlineData("Write-Output 'open", "TerminatorExpectedAtEndOfString")]
    [InlineData("Where-Object { $_", "MissingEndCurlyBrace")]
    [InlineData("Get-VM |", "EmptyPipeElement")]
    [InlineData("Start-VM (Get-VM", "MissingEndParenthesis")]
    public void Parse_IncompleteInput_IsParserErrorWithId(string script, string errorId)
    {
        var error = ParseError(script);

        Assert.Equal(ErrorCategory.ParserError, error.Category);
        Assert.Equal(errorId, error.ErrorId);
        Assert.True(ScriptExecutor.IsIncomplete(script));
    }

    [Fact]
    public void Parse_ErrorOnSecondLine_ReportsLineAndColumn()
    {
        var error = ParseError("Get-VM\nNew-VM -MemoryStartupBytes 1ZB");

        Assert.Equal(2, error.Extent!.Value.Line);
        Assert.Equal(28, error.Extent!.Value.Column);
    }

    [Fact]
    public void Parse_Redirection_ErrorSuggestsOutNull()
    {
        var error = ParseError("New-VMSwitch -Name x > $null");

        Assert.Equal("RedirectionNotSupported", error.ErrorId);
        Assert.Contains("Out-Null", error.Message, StringComparison.Ordinal);
    }
}
