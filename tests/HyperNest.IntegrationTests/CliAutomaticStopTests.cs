using HyperNest.Cli;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.IntegrationTests;

/// <summary>
/// hypernest -ApplyAutomaticStopActions, the shutdown hook's command: a line per VM, exit 1 when any VM could
/// not stop its way or the host cannot be reached (the shutdown's log says which and why), a usage error with
/// arguments.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class CliAutomaticStopTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-cli-stop-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void EachVmGetsALine_AndAFailureMakesTheExitCodeOne()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var host = StoppingHost(
        [
            new AutomaticStopResult("web", StopAction.Save, VmState.Saved, null),
            new AutomaticStopResult("db", StopAction.Save, VmState.Running, "the disk is full"),
        ]);

        Assert.Equal(1, CommandLine.ApplyAutomaticStopActions(() => host, output, errors));

        Assert.Contains("'web' is Saved (Save).", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("'db' (Save): the disk is full", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, CommandLine.ApplyAutomaticStopActions(() => StoppingHost([new AutomaticStopResult("web", StopAction.TurnOff, VmState.Off, null)]), output, errors));
    }

    [Fact]
    public void AHostThatCannotBeReached_IsPrinted_AndExitsOne()
    {
        var errors = new StringWriter();

        Assert.Equal(1, CommandLine.ApplyAutomaticStopActions(() => throw new IOException("no service"), new StringWriter(), errors));

        Assert.Contains("-ApplyAutomaticStopActions failed: no service", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Executable_WithNothingRunning_Succeeds_AndWithArguments_IsAUsageError()
    {
        Assert.Equal(0, CliRunner.Run(_home, "-ApplyAutomaticStopActions").ExitCode);

        var outcome = CliRunner.Run(_home, "-ApplyAutomaticStopActions", "now");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("takes no arguments", outcome.Errors);
    }

    private static IVirtualizationHost StoppingHost(IReadOnlyList<AutomaticStopResult> results) =>
        CliFakeHost.Create(new Dictionary<string, Func<object?>> { ["ApplyAutomaticStopActions"] = () => results });
}
