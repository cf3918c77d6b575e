using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class ParameterValidationTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void ValidateSet_ValueInSetAnyCase_Binds()
    {
        Assert.Equal("internal", _shell.Single<BindingReport>("New-TestSwitch VmNAT -SwitchType internal")["SwitchType"]);
    }

    [Fact]
    public void ValidateSet_ValueOutsideSet_ErrorListsSet()
    {
        var error = _shell.FirstError("New-TestSwitch VmNAT -SwitchType Bridged");

        Assert.Equal("ParameterArgumentValidationError,HyperNest.Commands.NewTestSwitch", error.FullyQualifiedErrorId);
        Assert.Contains("\"Internal,Private,External\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRange_ElementOutOfRange_Error()
    {
        var error = _shell.FirstError("New-TestSwitch x -Ports 1,65");

        Assert.StartsWith("Cannot validate argument on parameter 'Ports'. The 65 argument is greater than the maximum allowed range of 64.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateNotNullOrEmpty_EmptyString_Error()
    {
        Assert.Equal("ParameterArgumentValidationError", _shell.FirstError("New-TestSwitch ''").ErrorId);
    }

    [Fact]
    public void Validation_FailingPipelineInput_NonTerminatingForThatInput()
    {
        _shell.Session.Variables["items"] = new object[] { new { Name = "ok" }, new { Name = "" }, new { Name = "ok2" } };

        var result = _shell.Invoke("$items | New-TestSwitch");

        Assert.Equal(["ok", "ok2"], result.Output.Cast<BindingReport>().Select(r => (string)r["Name"]!).ToArray());
        Assert.Equal("ParameterArgumentValidationError", Assert.Single(result.Errors).ErrorId);
    }
}
