using HyperNest.Cli;
using HyperNest.Hosting;

namespace HyperNest.IntegrationTests;

/// <summary>
/// hypernest -RestoreNetwork, the guest boot hook's command: parsed only on its own, calls
/// IVirtualizationHost.RestoreNetwork once, and a failure is printed and exits non-zero.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class CliRestoreNetworkTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-cli-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void RestoreNetwork_Succeeds_CallsTheHostOnce_ExitsZero()
    {
        var host = RestoringHost(failure: null);
        var errors = new StringWriter();

        Assert.Equal(0, CommandLine.RestoreNetwork(() => host, errors));

        Assert.Equal(["RestoreNetwork", "Dispose"], CliFakeHost.CallsOf(host));
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void RestoreNetwork_Fails_PrintsTheError_ExitsNonZero()
    {
        var host = RestoringHost(new HostException("bridge vSwitch cannot be created", ErrorCategory.InvalidOperation, "X"));
        var errors = new StringWriter();

        Assert.Equal(1, CommandLine.RestoreNetwork(() => host, errors));

        Assert.Contains("-RestoreNetwork failed: bridge vSwitch cannot be created", errors.ToString());
    }

    [Fact]
    public void RestoreNetwork_HostCannotBeCreated_PrintsTheError_ExitsNonZero()
    {
        var errors = new StringWriter();

        Assert.Equal(1, CommandLine.RestoreNetwork(() => throw new IOException("state.db is locked"), errors));

        Assert.Contains("state.db is locked", errors.ToString());
    }

    [Theory]
    [InlineData("-RestoreNetwork")]
    [InlineData("-restorenetwork")]
    [InlineData("--restore-network")]
    public void Executable_UnderstandsTheFlag(string flag)
    {
        var outcome = CliRunner.Run(_home, flag);

        // An empty store in the test's namespace: nothing to re-apply, so it must simply succeed.
        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}: {outcome.Errors}");
    }

    [Fact]
    public void Executable_FlagWithArguments_IsAUsageError()
    {
        var outcome = CliRunner.Run(_home, "-RestoreNetwork", "now");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'-RestoreNetwork now' is not understood", outcome.Errors);
    }

    private static IVirtualizationHost RestoringHost(Exception? failure) =>
        CliFakeHost.Create(new Dictionary<string, Func<object?>> { ["RestoreNetwork"] = () => failure is null ? null : throw failure });
}
