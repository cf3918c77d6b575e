using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class CommonParametersTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void ErrorAction_SilentlyContinue_HidesErrorAndSucceeds()
    {
        var result = _shell.Execute("Test-Lookup nope -ErrorAction SilentlyContinue");

        Assert.True(result.Succeeded);
        Assert.Equal("", _shell.Errors);
    }

    [Fact]
    public void ErrorAction_StopByAlias_StopsPipelineAtFirstError()
    {
        var result = _shell.Invoke("'a','nope','b' | Test-Lookup -ea Stop");

        Assert.Equal(["found a"], result.Output.Cast<string>().ToArray());
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void ErrorActionPreferenceVariable_Stop_AppliesToCommands()
    {
        var result = _shell.Invoke("$ErrorActionPreference = 'Stop'\n'a','nope','b' | Test-Lookup");

        Assert.Equal(["found a"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void WarningAction_SilentlyContinue_HidesWarning()
    {
        _shell.Execute("Test-Lookup warn -WarningAction SilentlyContinue");

        Assert.DoesNotContain("WARNING", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_Switch_PrintsVerboseAndWarning()
    {
        _shell.Execute("Test-Lookup warn -Verbose");

        Assert.Equal("WARNING: careful\nVERBOSE: details\n", _shell.Errors);
    }

    [Fact]
    public void Verbose_NotGiven_NoVerboseLine()
    {
        _shell.Execute("Test-Lookup warn");

        Assert.Equal("WARNING: careful\n", _shell.Errors);
    }

    [Fact]
    public void ConfirmFalse_Accepted()
    {
        Assert.True(_shell.Execute("Test-Lookup a -Confirm:$false").Succeeded, _shell.Errors);
    }

    [Fact]
    public void WhatIf_RefusedWithoutRunning()
    {
        var result = _shell.Invoke("Test-Lookup a -WhatIf");

        Assert.Empty(result.Output);
        Assert.Equal("WhatIfNotSupported", Assert.Single(result.Errors).ErrorId);
    }

    [Fact]
    public void CommonParameters_NotListedInHelpSyntax()
    {
        _shell.Execute("Get-Help Test-Lookup");

        Assert.DoesNotContain("-ErrorAction", _shell.Output, StringComparison.Ordinal);
        Assert.Contains("[<CommonParameters>]", _shell.Output, StringComparison.Ordinal);
    }
}
