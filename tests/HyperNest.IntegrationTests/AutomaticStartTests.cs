namespace HyperNest.IntegrationTests;

/// <summary>
/// Hyper-V's automatic start actions on real guests: after a "reboot" (the guests' QEMU killed, the home's
/// service ended, and the next command run in a fresh network namespace, another kernel identity) the new
/// service starts the VM whose action is Start and the one with StartIfRunning that was running, and leaves
/// the one with Nothing off.
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
    public void AfterAHostRestart_StartAndStartIfRunningVmsStart_NothingStaysOff()
    {
        var before = FreshNamespace.Run(_home, Resolver,
            "hypernest -c '" +
            "foreach ($name in \"ifrunning\", \"always\", \"never\") { New-VM -Name $name -MemoryStartupBytes 256MB -Image tiny | Out-Null }; " +
            "Set-VM -Name always -AutomaticStartAction Start; Set-VM -Name never -AutomaticStartAction Nothing; " +
            "Start-VM ifrunning, never; Get-VM | ForEach-Object { \"$($_.Name) $($_.State) $($_.AutomaticStartAction)\" }'");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("ifrunning Running StartIfRunning", before.Output, StringComparison.Ordinal);
        Assert.Contains("always Off Start", before.Output, StringComparison.Ordinal);
        Assert.Contains("never Running Nothing", before.Output, StringComparison.Ordinal);

        // The reboot: every guest and the service end with the kernel.
        ProcessSweeper.StopService(_home);
        ProcessSweeper.KillProcessesMentioning(_home);

        var after = FreshNamespace.Run(_home, Resolver,
            "hypernest -c '" +
            "$deadline = (Get-Date).AddSeconds(120); " +
            "while (@(Get-VM | Where-Object State -eq Running).Count -lt 2 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 500 }; " +
            "Get-VM | ForEach-Object { \"$($_.Name) $($_.State)\" }'");

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("ifrunning Running", after.Output, StringComparison.Ordinal);
        Assert.Contains("always Running", after.Output, StringComparison.Ordinal);
        Assert.Contains("never Off", after.Output, StringComparison.Ordinal);
        Assert.Contains("automatic start: 'always' is Running", File.ReadAllText(Path.Combine(_home, "logs", "hypernestd.log")), StringComparison.Ordinal);
    }

    private string Resolver => Path.Combine(_home, "resolv.conf");
}
