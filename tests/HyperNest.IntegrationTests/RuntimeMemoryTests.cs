using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// Runtime memory resize on the real tiny guest under TCG, read from the guest's own /proc/meminfo through
/// PowerShell Direct: Set-VMMemory grows it, Set-VM shrinks it below its startup memory, and a guest that
/// holds its memory in a tmpfs gives back only what it can (the error says what it has) until it frees it.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class RuntimeMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void ARunningGuest_GrowsAndShrinks_AsItsOwnMemTotalShows_AndKeepsWhatItUses()
    {
        var name = IsolatedHost.UniqueName("memory");
        try
        {
            _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny; Start-VM {name}; Wait-VM -Name {name} -For Heartbeat -Timeout 240");
            var booted = MemTotal(name);
            // Half of it is boot memory and half plugged at start: without the plugged half the guest would see under 256 MiB.
            Assert.InRange(booted, 400 * MiB, 512 * MiB);

            var clock = Stopwatch.StartNew();
            _lab.Run($"Set-VMMemory -VMName {name} -StartupBytes 1GB");
            output.WriteLine($"Set-VMMemory 512 MB -> 1 GB took {clock.ElapsedMilliseconds} ms");
            var grown = WaitForMemTotal(name, total => total > booted);
            Assert.InRange(grown - booted, 508 * MiB, 512 * MiB);

            clock.Restart();
            _lab.Run($"Set-VM -Name {name} -MemoryStartupBytes 384MB");
            output.WriteLine($"Set-VM 1 GB -> 384 MB took {clock.ElapsedMilliseconds} ms");
            var shrunk = WaitForMemTotal(name, total => total < grown);
            Assert.InRange(booted - shrunk, 124 * MiB, 128 * MiB);
            Assert.Equal($"{384 * MiB} {384 * MiB} Running", _lab.Run($"Get-VM {name} | ForEach-Object {{ \"$($_.MemoryStartup) $($_.MemoryAssigned) $($_.State)\" }}").Trim());

            // The guest holds 96 MB in a tmpfs: asked to shrink to 256 MB, which would leave it nothing to work in,
            // it is refused before anything is unplugged (unplugging all that is free, the guest's OOM killer
            // ended the PowerShell Direct session: seen). Once it frees them it can give 64 MB back.
            var used = Guest(name, "busybox mkdir -p /mnt/held; busybox mount -t tmpfs -o size=200m tmpfs /mnt/held; busybox dd if=/dev/zero of=/mnt/held/f bs=1M count=96 2>&1 | Out-Null; " +
                "$m = Get-Content /proc/meminfo; [long]($m[0] -split '\\s+')[1] - [long](($m | Where-Object { $_ -like 'MemAvailable*' }) -split '\\s+')[1]");
            output.WriteLine($"the guest uses {used.Trim()} kB");
            var refused = _lab.TryRun($"Set-VMMemory -VMName {name} -StartupBytes 256MB");
            Assert.False(refused.Succeeded, "a guest that uses its memory cannot shrink to 256 MB");
            Assert.Contains("so it cannot shrink to 256 MB", refused.Errors);
            Assert.Equal($"{384 * MiB}", _lab.Run($"(Get-VMMemory -VMName {name}).Startup").Trim());
            Assert.Equal(shrunk, MemTotal(name));

            Guest(name, "busybox rm /mnt/held/f");
            clock.Restart();
            _lab.Run($"Set-VMMemory -VMName {name} -StartupBytes 320MB");
            output.WriteLine($"Set-VMMemory 384 MB -> 320 MB took {clock.ElapsedMilliseconds} ms");
            Assert.InRange(shrunk - WaitForMemTotal(name, total => total < shrunk), 62 * MiB, 64 * MiB);
            Assert.Contains("resized from", _lab.Run($"Get-VMEvent -VMName {name} -Newest 3 | Select-Object -ExpandProperty Message | Out-String"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private long MemTotal(string vm) => _lab.GuestMemTotal(vm);

    /// <summary>The guest onlines plugged memory (and offlines unplugged memory) just after QEMU reports it done.</summary>
    private long WaitForMemTotal(string vm, Func<long, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        var total = MemTotal(vm);
        while (!condition(total) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(500);
            total = MemTotal(vm);
        }

        return total;
    }

    private string Guest(string vm, string script)
    {
        var text = _lab.InGuest(vm, script);
        output.WriteLine($"guest> {script}\n{text}");
        return text;
    }
}
