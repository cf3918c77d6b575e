using HyperNest.Platform;

namespace HyperNest.Core.Tests.Platform;

public sealed class ProcParsingTests
{
    [Fact]
    public void ProcPidStat_CommandNameWithSpacesAndParens_CountsFieldsAfterLastParen()
    {
        const string stat = "4242 (qemu) (x y) S 1 4241 4241 0 -1 4194624 1 0 0 0 150 25 0 0 20 0 3 0 123456 1000 200 18446744073709551615";

        var parsed = ProcPidStat.Parse(stat)!;

        Assert.Equal('S', parsed.State);
        Assert.Equal(150, parsed.UserTicks);
        Assert.Equal(25, parsed.SystemTicks);
        Assert.Equal(123456, parsed.StartTicksSinceBoot);
        Assert.False(parsed.HasEnded);
    }

    [Fact]
    public void ProcPidStat_Zombie_HasEnded()
    {
        Assert.True(ProcPidStat.Parse("7 (qemu-system-x86) Z 1 7 7 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 99 0 0 0")!.HasEnded);
    }

    [Fact]
    public void ProcPidStat_Garbage_IsNull()
    {
        Assert.Null(ProcPidStat.Parse("not a stat line"));
    }

    [Fact]
    public void ProcPidStat_OwnProcess_IsRunningAndStartedBeforeNow()
    {
        var stat = ProcPidStat.Parse(File.ReadAllText("/proc/self/stat"))!;
        var started = SystemClock.BootTime + SystemClock.FromTicks(stat.StartTicksSinceBoot);

        Assert.False(stat.HasEnded);
        Assert.InRange(started, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void ProcPidStatus_VmRss_IsBytes()
    {
        Assert.Equal(123456L * 1024, ProcPidStatus.ParseResidentBytes("Name:\tqemu\nVmPeak:\t  999 kB\nVmRSS:\t  123456 kB\nThreads:\t3\n"));
        Assert.Null(ProcPidStatus.ParseResidentBytes("Name:\tkthreadd\n"));
    }

    [Fact]
    public void BootTime_ParsesBtime()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763642880), SystemClock.ParseBootTime("cpu  1 2 3\nbtime 1763642880\nprocesses 5\n"));
    }

    [Fact]
    public void QemuVersion_ParsesDebianBanner()
    {
        Assert.Equal("7.2.22", QemuVersionProbe.ParseVersion("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright (c) 2003-2022 Fabrice Bellard\n"));
        Assert.Null(QemuVersionProbe.ParseVersion("bash: qemu: command not found"));
    }

    [Fact]
    public void QemuVersion_InstalledQemu_IsFound()
    {
        Assert.Matches(@"^\d+\.\d+", QemuVersionProbe.Probe() ?? "");
    }
}
