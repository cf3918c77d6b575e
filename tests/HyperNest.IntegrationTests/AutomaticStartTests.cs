namespace HyperNest.IntegrationTests;

/// <summary>
/// Hyper-V's automatic stop and start actions on real guests: the machine's shutdown hook (hypernest
/// -ApplyAutomaticStopActions) saves one running VM and turns off the other; after the "reboot" (the home's
/// service ended, and the next command run in a fresh network namespace, another kernel identity) the new
/// service starts the VM whose action is Start, restores the StartIfRunning one the shutdown saved, and
/// leaves the one with Nothing off.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class AutomaticStartTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-autostart-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        ProcessSweeper.KillProcessesMentioning(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void TheShutdownSavesOrTurnsOff_AfterTheRestart_StartAndStartIfRunningVmsStart_NothingStaysOff()
    {
        var before = FreshNamespace.Run(_home, Resolver,
            "hypernest -c '" +
            "foreach ($name in \"ifrunning\", \"always\", \"never\") { New-VM -Name $name -MemoryStartupBytes 256MB -Image tiny | Out-Null }; " +
            "Set-VM -Name always -AutomaticStartAction Start; Set-VM -Name never -AutomaticStartAction Nothing -AutomaticStopAction TurnOff; " +
            "Start-VM ifrunning, never; Get-VM | ForEach-Object { \"$($_.Name) $($_.State) $($_.AutomaticStartAction) $($_.AutomaticStopAction)\" }' && " +
            "hypernest -ApplyAutomaticStopActions");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("ifrunning Running StartIfRunning Save", before.Output, StringComparison.Ordinal);
        Assert.Contains("always Off Start", before.Output, StringComparison.Ordinal);
        Assert.Contains("never Running Nothing TurnOff", before.Output, StringComparison.Ordinal);
        Assert.Contains("'ifrunning' is Saved (Save).", before.Output, StringComparison.Ordinal);
        Assert.Contains("'never' is Off (TurnOff).", before.Output, StringComparison.Ordinal);
        Assert.Empty(ProcessSweeper.ProcessesMentioning("qemu-system", _home));

        // The reboot: the service ends with the kernel (the shutdown hook already stopped every guest).
        ProcessSweeper.StopService(_home);

        var after = FreshNamespace.Run(_home, Resolver,
            "hypernest -c '" +
            "$deadline = (Get-Date).AddSeconds(120); " +
            "while (@(Get-VM | Where-Object State -eq Running).Count -lt 2 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 500 }; " +
            "Get-VM | ForEach-Object { \"$($_.Name) $($_.State)\" }'");

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("ifrunning Running", after.Output, StringComparison.Ordinal);
        Assert.Contains("always Running", after.Output, StringComparison.Ordinal);
        Assert.Contains("never Off", after.Output, StringComparison.Ordinal);
        // The service's log: the automatic start with its VM, and the QEMU command line of the start as a VM event.
        var log = ServiceLogFile.Entries(Path.Combine(_home, "logs", "hypernestd.log"));
        var started = Assert.Single(log, e => e.Field("HYPERNEST_COMPONENT") == "automatic start" && e.Field("HYPERNEST_VM_NAME") == "always");
        Assert.Equal(("6", "automatic start: 'always' is Running"), (started.Field("PRIORITY"), started.Field("MESSAGE")));
        Assert.Contains(log, e => e.Field("HYPERNEST_COMPONENT") == "vm event" && e.Field("HYPERNEST_VM_NAME") == "always"
            && e.Field("MESSAGE").StartsWith("'always' runs in: ", StringComparison.Ordinal) && e.Field("MESSAGE").Contains("qemu-system-x86_64", StringComparison.Ordinal));
        Assert.All(log, e => Assert.Equal(_home, e.Field("HYPERNEST_HOME")));
    }

    private string Resolver => Path.Combine(_home, "resolv.conf");
}
