using HyperNest.Shell.Engine;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class InteractiveShellTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void Run_FailingLine_ContinuesWithNextLine()
    {
        var code = InteractiveShell.Run(_shell.Session, new StringReader("Test-Lookup nope\nWrite-Output next\n"), "> ");

        Assert.Equal(0, code);
        Assert.Contains("next\n", _shell.Output, StringComparison.Ordinal);
        Assert.Contains("Test-Lookup : Hyper-V was unable", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IncompleteLines_ReadsContinuation()
    {
        InteractiveShell.Run(_shell.Session, new StringReader("Write-Output 'a\nb' |\n  Test-Lookup\nSet-TestVM L1 `\n -Count 2\n"), "> ");

        Assert.Contains("found a\nb\n", _shell.Output, StringComparison.Ordinal);
        Assert.Contains(">> ", _shell.Output, StringComparison.Ordinal);
        Assert.Equal("", _shell.Errors);
    }

    [Fact]
    public void Run_Exit_ReturnsItsCode()
    {
        var code = InteractiveShell.Run(_shell.Session, new StringReader("exit 4\nWrite-Output never\n"), "> ");

        Assert.Equal(4, code);
        Assert.DoesNotContain("never", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ExitInScript_StopsWithCode()
    {
        var result = _shell.Execute("Write-Output a; exit 2; Write-Output b");

        Assert.Equal((false, 2), (result.Succeeded, result.ExitCode));
        Assert.Equal("a\n", _shell.Output);
    }
}
