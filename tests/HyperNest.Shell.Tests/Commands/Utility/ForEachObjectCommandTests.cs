using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Commands.Utility;

public class ForEachObjectCommandTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void ForEachObject_ScriptBlock_RunsCommandWithDollarUnderscore()
    {
        var result = _shell.Invoke("Get-TestVMs a,b | ForEach-Object { Test-Lookup $_.Name }");

        Assert.Equal(["found a", "found b"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void ForEachObject_PercentAliasWithMemberName_OutputsProperty()
    {
        var result = _shell.Invoke("Get-TestVMs a,b | % Name");

        Assert.Equal(["a", "b"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void ForEachObject_BeginAndEnd_RunOnce()
    {
        var result = _shell.Invoke("'x' | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'done' }");

        Assert.Equal(["start", "x", "done"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void ForEachObject_ErrorInsideBlock_PositionPointsIntoBlock()
    {
        _shell.Execute("'a','nope' | ForEach-Object {\n  Test-Lookup $_\n}");

        Assert.Contains("At line:2 char:3\n+   Test-Lookup $_\n+   ~~~~~~~~~~~~~~\n", _shell.Errors, StringComparison.Ordinal);
        Assert.Contains("found a", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachObject_AfterRun_DollarUnderscoreRestored()
    {
        _shell.Session.Variables["_"] = "outer";

        var result = _shell.Invoke("'a' | ForEach-Object { $_ }; $_");

        Assert.Equal(["a", "outer"], result.Output.Cast<string>().ToArray());
    }
}
