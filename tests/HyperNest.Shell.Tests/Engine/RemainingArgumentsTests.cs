using HyperNest.Shell.Engine;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class RemainingArgumentsTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void Bind_ExtraPositionals_CollectedInOrderAsText()
    {
        var report = _shell.Single<BindingReport>("Invoke-TestRemaining interface ip add \"Ethernet 2\" address=10.0.0.53 index=1 7");

        Assert.Equal("interface", report["First"]);
        Assert.Equal(["ip", "add", "Ethernet 2", "address=10.0.0.53", "index=1", "7"], (string[])report["Rest"]!);
    }

    [Fact]
    public void Bind_NamedParameterBetweenRemaining_StillBindsByName()
    {
        var report = _shell.Single<BindingReport>("Invoke-TestRemaining a b -Flag c");

        Assert.Equal(new SwitchParameter(true), report["Flag"]);
        Assert.Equal(["b", "c"], (string[])report["Rest"]!);
    }

    [Fact]
    public void Bind_NothingLeftOver_RemainingNotBound()
    {
        var report = _shell.Single<BindingReport>("Invoke-TestRemaining a");

        Assert.DoesNotContain("Rest", report.Bound);
    }

    [Fact]
    public void Bind_RemainingAlsoNamed_SpecifiedTwice()
    {
        var error = _shell.FirstError("Invoke-TestRemaining a -Rest x b");

        Assert.Equal("ParameterAlreadyBound", error.ErrorId);
    }

    [Fact]
    public void Bind_CmdletWithoutRemaining_ExtraPositionalStillAnError()
    {
        var error = _shell.FirstError("Set-TestVM L1 2 extra");

        Assert.Equal("PositionalParameterNotFound", error.ErrorId);
    }
}
