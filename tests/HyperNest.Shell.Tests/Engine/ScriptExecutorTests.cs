using HyperNest.Shell.Engine;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class ScriptExecutorTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void Execute_HostExceptionFromCmdlet_PrintsPowerShellShapedError()
    {
        var result = _shell.Execute("Test-Lookup nope");

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Test-Lookup : Hyper-V was unable to find a virtual machine with name \"nope\".\n"
            + "At line:1 char:1\n"
            + "+ Test-Lookup nope\n"
            + "+ ~~~~~~~~~~~~~~~~\n"
            + "    + CategoryInfo          : InvalidArgument: (nope:String) [Test-Lookup], VirtualizationException\n"
            + "    + FullyQualifiedErrorId : InvalidParameter,HyperNest.Commands.TestLookup\n"
            + "\n",
            _shell.Errors);
    }

    [Fact]
    public void Execute_NonTerminatingError_ContinuesWithNextInput()
    {
        var result = _shell.Invoke("'a','nope','b' | Test-Lookup");

        Assert.False(result.Succeeded);
        Assert.Equal(["found a", "found b"], result.Output.Cast<string>().ToArray());
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Execute_TerminatingError_StopsPipeline()
    {
        var result = _shell.Invoke("'a','fatal','b' | Test-Lookup");

        Assert.Equal(["found a"], result.Output.Cast<string>().ToArray());
        Assert.Equal("Fatal,HyperNest.Commands.TestLookup", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Execute_StopOnFailure_SkipsLaterStatements()
    {
        var result = _shell.Execute("Test-Lookup nope\nWrite-Output after");

        Assert.False(result.Succeeded);
        Assert.DoesNotContain("after", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ContinueOnFailure_RunsLaterStatements()
    {
        var result = _shell.Execute("Test-Lookup nope\nWrite-Output after", ExecutionOptions.ContinueOnFailure);

        Assert.False(result.Succeeded);
        Assert.Equal("after\n", _shell.Output);
    }

    [Fact]
    public void Execute_ParseError_RunsNothingAndPrintsPosition()
    {
        var result = _shell.Execute("Write-Output first\nSet-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true");

        Assert.False(result.Succeeded);
        Assert.Equal("", _shell.Output);
        Assert.Contains("At line:2 char:25", _shell.Errors, StringComparison.Ordinal);
        Assert.Contains("+                         ~~~~~~~~", _shell.Errors, StringComparison.Ordinal);
        Assert.Contains("ParserError: (:) [], ParentContainsErrorRecordException", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WithSourceName_PrintsFileInPosition()
    {
        ScriptExecutor.Execute("Test-Lookup nope", _shell.Session, "/tmp/lab.ps1");

        Assert.Contains("At /tmp/lab.ps1:1 char:1", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UnknownCommand_NotRecognizedError()
    {
        var error = _shell.FirstError("No-SuchCommandAnywhere -x");

        Assert.Equal("CommandNotFoundException", error.ErrorId);
        Assert.StartsWith("The term 'No-SuchCommandAnywhere' is not recognized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ExternalProgramLast_PrintsItsOutput()
    {
        var result = _shell.Execute("echo hi there");

        Assert.True(result.Succeeded, _shell.Errors);
        Assert.Equal("hi there\n", _shell.Output);
    }

    [Fact]
    public void Execute_ExternalProgramFails_StatementFailsWithItsExitCode()
    {
        var result = _shell.Execute("sh -c 'exit 3'");

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(3, _shell.Session.LastExitCode);
    }

    [Fact]
    public void Execute_False_Fails()
    {
        Assert.False(_shell.Execute("false").Succeeded);
    }

    [Fact]
    public void Invoke_ExternalOutputInPipeline_FlowsAsStrings()
    {
        var result = _shell.Invoke("printf 'a\\nb\\n' | Test-Lookup");

        Assert.Equal(["found a", "found b"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Invoke_PipelineIntoExternalProgram_WritesLinesToStdin()
    {
        var result = _shell.Invoke("'x','y' | cat");

        Assert.Equal(["x", "y"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Invoke_AssignmentThenUse_ReadsVariableAndMember()
    {
        var result = _shell.Invoke("$vms = Get-TestVMs L1,L2\n$vms.Name\n$vms | Set-TestVM");

        Assert.True(result.Succeeded, _shell.Errors);
        Assert.Equal("L1", result.Output[0]);
        Assert.Equal("L2", result.Output[1]);
        Assert.Equal("L2", Assert.IsType<BindingReport>(result.Output[3])["Name"]);
    }

    [Fact]
    public void Invoke_SubExpressionArgument_RunsInnerPipeline()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM (Write-Output inner)");

        Assert.Equal("inner", report["Name"]);
    }

    [Fact]
    public void Invoke_ExpandableString_ExpandsVariable()
    {
        var result = _shell.Invoke("$n = 'L1'; \"vm $n ok\"");

        Assert.Equal("vm L1 ok", Assert.Single(result.Output));
    }

    [Fact]
    public void Invoke_MemberAccessOnParenthesizedCommand_GivesProperty()
    {
        var result = _shell.Invoke("(Get-TestVMs L1,L2).Name");

        Assert.Equal(["L1", "L2"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Execute_ParseError_MessageAfterPosition()
    {
        _shell.Execute("New-VM -MemoryStartupBytes 12XB");

        var lines = _shell.Errors.Split('\n');
        Assert.Equal("At line:1 char:28", lines[0]);
        Assert.Equal("+ New-VM -MemoryStartupBytes 12XB", lines[1]);
        Assert.Equal("+                            ~~~~", lines[2]);
        Assert.StartsWith("The number '12XB' has an unknown size suffix 'XB'.", lines[3], StringComparison.Ordinal);
        Assert.Equal("    + FullyQualifiedErrorId : BadNumericConstant", lines[5]);
    }

    [Fact]
    public void Invoke_EnvironmentVariable_ReadsEnvironment()
    {
        Environment.SetEnvironmentVariable("HYPERNEST_TEST_VALUE", "from-env");

        var result = _shell.Invoke("$env:HYPERNEST_TEST_VALUE; \"x=$env:HYPERNEST_TEST_VALUE\"");

        Assert.Equal(["from-env", "x=from-env"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Invoke_LargeInputIntoExternalProgram_DoesNotDeadlock()
    {
        _shell.Session.Variables["lines"] = Enumerable.Range(0, 20000).Select(i => "line " + i).ToArray();

        var result = _shell.Invoke("$lines | cat");

        Assert.Equal(20000, result.Output.Count);
    }

    [Fact]
    public async Task Execute_CancelCurrentStatement_StopsItAndNextStatementRuns()
    {
        var running = Task.Run(() => _shell.Execute("Start-Sleep 30"));
        await Task.Delay(200);
        _shell.Session.CancelCurrentStatement();
        var result = await running;

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("The pipeline has been stopped.", _shell.Errors, StringComparison.Ordinal);
        Assert.True(_shell.Execute("Write-Output again").Succeeded);
        Assert.Equal("again\n", _shell.Output);
    }

    [Fact]
    public void Invoke_SubexpressionInString_Expands()
    {
        var result = _shell.Invoke("$vm = Get-TestVMs L1; \"VM $($vm.Name) is $($vm.State)\"; Get-TestVMs a,b | ForEach-Object { \"<$($_.Name)>\" }");

        Assert.Equal(["VM L1 is Off", "<a>", "<b>"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Execute_DollarQuestion_ReflectsLastStatement()
    {
        _shell.Execute("Test-Lookup nope; $?; Write-Output x; $?", HyperNest.Shell.Engine.ExecutionOptions.ContinueOnFailure);

        Assert.Equal("False\nx\nTrue\n", _shell.Output);
    }

    [Fact]
    public void Invoke_Indexes_PickElements()
    {
        var result = _shell.Invoke("$vms = Get-TestVMs a,b,c; $vms[0].Name; $vms[-1].Name; (Get-TestVMs x,y)[1].Name; $vms[9]");

        Assert.Equal(["a", "c", "y", null], result.Output.ToArray());
    }

    [Fact]
    public void Execute_NonExecutableFileByPath_NotRecognized()
    {
        var file = Path.Combine(Path.GetTempPath(), "hn-not-exec-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "echo hi");
        try
        {
            var error = _shell.FirstError(file);

            Assert.Equal("CommandNotFoundException", error.ErrorId);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
