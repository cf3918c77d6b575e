using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// Dynamic Memory on the real tiny guest under TCG, watched from inside through PowerShell Direct: an idle
/// guest started with 1 GB shrinks toward its demand plus buffer (not below its 256 MB minimum); it grows
/// as it fills a tmpfs with 512 MB, and gives the memory back when it deletes it. Two guests under the host's
/// limit for VMs share it by Priority.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class DynamicMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void AnIdleGuestShrinks_GrowsAsItAllocates_AndGivesItBackWhenItFrees()
    {
        var name = IsolatedHost.UniqueName("dynamic");
        try
        {
            _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 1GB -Image tiny; Set-VMMemory -VMName {name} -DynamicMemoryEnabled $true -MinimumBytes 256MB -MaximumBytes 2GB -Buffer 20");
            _lab.Run($"Start-VM {name}; Wait-VM -Name {name} -For Heartbeat -Timeout 240");
            Guest(name, "busybox mkdir -p /mnt/fill; busybox mount -t tmpfs -o size=1g tmpfs /mnt/fill");

            var clock = Stopwatch.StartNew();
            var idle = WaitFor(name, vm => vm.Assigned < 600 * MiB && vm.Status == "OK", TimeSpan.FromSeconds(60));
            output.WriteLine($"idle: {idle} after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.InRange(idle.Assigned, 256 * MiB, 600 * MiB);
            // Its demand plus the 20% buffer and the balancer's slack, or its Minimum when that is more.
            Assert.InRange(idle.Assigned, idle.Demand, Math.Max(256 * MiB, idle.Demand + idle.Demand / 5 + 64 * MiB));
            Assert.InRange(_lab.GuestMemTotal(name), idle.Assigned - 128 * MiB, idle.Assigned);

            // 512 MB in 32 MB steps, a step a second: the balancer keeps ahead of it.
            clock.Restart();
            Guest(name, "foreach ($i in 1..16) { busybox dd if=/dev/zero of=/mnt/fill/f$i bs=1M count=32 2>&1 | Out-Null; Start-Sleep -Milliseconds 1000 }");
            var filled = WaitFor(name, vm => vm.Demand > idle.Demand + 480 * MiB && vm.Status == "OK", TimeSpan.FromSeconds(60));
            output.WriteLine($"filled: {filled} after {clock.Elapsed.TotalSeconds:0.0} s (16 s of it writing)");
            Assert.True(filled.Assigned >= idle.Assigned + 480 * MiB, $"it grew with its demand: {filled}");
            Assert.True(_lab.GuestMemTotal(name) >= idle.Assigned + 400 * MiB, "the guest itself sees the memory");

            clock.Restart();
            Guest(name, "busybox rm /mnt/fill/f*");
            var freed = WaitFor(name, vm => vm.Assigned < idle.Assigned + 96 * MiB, TimeSpan.FromSeconds(60));
            output.WriteLine($"freed: {freed} after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal("Running", _lab.Run($"(Get-VM {name}).State").Trim());
            Assert.Equal($"{1024 * MiB}", _lab.Run($"(Get-VM {name}).MemoryStartup").Trim());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    [Fact]
    public void TwoGuestsUnderTheHostLimit_ShareItByPriority_AndFollowAChangeOfPriority()
    {
        var (high, low) = (IsolatedHost.UniqueName("prio-high"), IsolatedHost.UniqueName("prio-low"));
        try
        {
            // Buffer 2000 %: each idle guest wants far more than the limit leaves it (up to its 1 GB maximum).
            foreach (var (name, priority) in new[] { (high, 100), (low, 0) })
            {
                _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny | Out-Null; " +
                         $"Set-VMMemory -VMName {name} -DynamicMemoryEnabled $true -MinimumBytes 256MB -MaximumBytes 1GB -Buffer 2000 -Priority {priority}");
            }

            _lab.Run($"Start-VM {high}, {low}; Wait-VM -Name {high}, {low} -For Heartbeat -Timeout 240 | Out-Null");
            var unlimited = WaitForBoth(high, low, (h, l) => h.Assigned >= 768 * MiB && l.Assigned >= 768 * MiB, TimeSpan.FromSeconds(60));
            output.WriteLine($"no limit: {high} {unlimited.High}; {low} {unlimited.Low}");

            // 832 MB for both: each keeps its 256 MB minimum (an idle tiny guest needs less), the high one gets the rest.
            const long limit = 832 * MiB;
            _lab.Run($"Set-VMHost -VirtualMachineMemoryLimitBytes {limit}");
            var shared = WaitForBoth(high, low, (h, l) => h.Assigned + l.Assigned <= limit && h.Assigned >= l.Assigned + 128 * MiB, TimeSpan.FromSeconds(120));
            output.WriteLine($"limit {limit / MiB} MB: {high} {shared.High}; {low} {shared.Low}");
            Assert.InRange(shared.Low.Assigned, 256 * MiB, 384 * MiB);
            Assert.Equal("Running", _lab.Run($"(Get-VM {low}).State").Trim());

            _lab.Run($"Set-VMMemory -VMName {high} -Priority 0; Set-VMMemory -VMName {low} -Priority 100");
            var swapped = WaitForBoth(high, low, (h, l) => h.Assigned + l.Assigned <= limit && l.Assigned >= h.Assigned + 128 * MiB, TimeSpan.FromSeconds(120));
            output.WriteLine($"priorities swapped: {high} {swapped.High}; {low} {swapped.Low}");
            Assert.InRange(_lab.GuestMemTotal(low), swapped.Low.Assigned - 128 * MiB, swapped.Low.Assigned);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private (Memory High, Memory Low) WaitForBoth(string high, string low, Func<Memory, Memory, bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (h, l) = (Read(high), Read(low));
            if (condition(h, l))
            {
                return (h, l);
            }

            Assert.True(clock.Elapsed < limit, $"not within {limit.TotalSeconds} s: {high} {h}; {low} {l}");
            Thread.Sleep(500);
        }
    }

    private sealed record Memory(long Assigned, long Demand, string Status)
    {
        public override string ToString() => $"assigned {Assigned / MiB} MB, demand {Demand / MiB} MB, {Status}";
    }

    private Memory WaitFor(string vm, Func<Memory, bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var memory = Read(vm);
            if (condition(memory))
            {
                return memory;
            }

            Assert.True(clock.Elapsed < limit, $"not within {limit.TotalSeconds} s: {memory}");
            Thread.Sleep(500);
        }
    }

    private Memory Read(string vm)
    {
        var fields = _lab.Run($"Get-VM {vm} | ForEach-Object {{ \"$($_.MemoryAssigned) $($_.MemoryDemand) $($_.MemoryStatus)\" }}").Trim().Split(' ');
        return new Memory(long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture), fields.Length > 2 ? fields[2] : "");
    }

    private string Guest(string vm, string script)
    {
        var text = _lab.InGuest(vm, script);
        output.WriteLine($"guest> {script}\n{text}");
        return text;
    }
}
