using System.Text;
using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QemuProcessInspectorTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b");

    [Fact]
    public void CommandLineNamesVm_ExactGuestArgument_Matches()
    {
        var cmdline = Encoding.UTF8.GetBytes("qemu-system-x86_64\0-name\0guest=hn-6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b\0-nodefaults\0");

        Assert.True(QemuProcessInspector.CommandLineNamesVm(cmdline, Id));
    }

    [Fact]
    public void CommandLineNamesVm_OtherVmOrPrefix_DoesNotMatch()
    {
        var other = Encoding.UTF8.GetBytes("qemu-system-x86_64\0-name\0guest=hn-6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5c\0");
        var mention = Encoding.UTF8.GetBytes("vim\0/tmp/guest=hn-6f1c2b7e-58a4-4c0e-9d6b-2a1f0e3c4d5b.txt\0");

        Assert.False(QemuProcessInspector.CommandLineNamesVm(other, Id));
        Assert.False(QemuProcessInspector.CommandLineNamesVm(mention, Id));
    }

    [Fact]
    public void IsAlive_OwnProcess_IsNotThisVm()
    {
        Assert.False(QemuProcessInspector.IsAlive(Environment.ProcessId, Id));
    }

    [Fact]
    public void IsAlive_NoSuchPid_IsFalse()
    {
        Assert.False(QemuProcessInspector.IsAlive(int.MaxValue - 1, Id));
    }

    [Fact]
    public void ReadStats_OwnProcess_HasCpuTimeAndResidentMemory()
    {
        var stats = QemuProcessInspector.ReadStats(Environment.ProcessId)!;

        Assert.True(stats.CpuTime > TimeSpan.Zero);
        Assert.True(stats.ResidentBytes > 1024 * 1024);
    }

    [Fact]
    public void CpuUsagePercent_HalfOfOneOfTwoProcessors_Is25()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1000);
        var earlier = new QemuProcessStats(TimeSpan.FromSeconds(10), null, start, start.AddSeconds(60));
        var later = earlier with { CpuTime = TimeSpan.FromSeconds(11), SampledAt = earlier.SampledAt.AddSeconds(2) };

        Assert.Equal(25, QemuProcessStats.CpuUsagePercent(earlier, later, 2));
        Assert.Equal(0, QemuProcessStats.CpuUsagePercent(earlier, later with { StartTime = start.AddSeconds(1) }, 2));
    }

    [Fact]
    public void ReadPidFile_Variants()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "4242\n");
            Assert.Equal(4242, QemuProcessInspector.ReadPidFile(path));
            File.WriteAllText(path, "");
            Assert.Null(QemuProcessInspector.ReadPidFile(path));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Null(QemuProcessInspector.ReadPidFile(path));
    }
}
