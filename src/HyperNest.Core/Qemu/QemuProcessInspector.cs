using System.Runtime.InteropServices;
using System.Text;
using HyperNest.Interop;
using HyperNest.Platform;

namespace HyperNest.Qemu;

/// <summary>What /proc says about a QEMU process: is it (still) this VM's, and what does it use.</summary>
public static class QemuProcessInspector
{
    /// <summary>Alive, not a zombie, and its command line names this VM (guards against pid reuse).</summary>
    public static bool IsAlive(int pid, Guid vmId)
    {
        if (pid <= 0 || !Exists(pid))
        {
            return false;
        }

        var stat = ProcPidStat.Read(pid);
        return stat is not null && !stat.HasEnded && CommandLineNamesVm(pid, vmId);
    }

    /// <summary>
    /// As <see cref="IsAlive(int, Guid)"/>, and the process started when it was recorded to. Slack of two
    /// seconds: /proc/stat's btime is recomputed from the wall clock and drifts by a second under NTP.
    /// </summary>
    public static bool IsAlive(QemuProcess process)
    {
        if (!IsAlive(process.Pid, process.VmId))
        {
            return false;
        }

        var started = ReadStartTime(process.Pid);
        return started is not null && (started.Value - process.StartTime).Duration() <= TimeSpan.FromSeconds(2);
    }

    /// <summary>True when /proc/&lt;pid&gt;/cmdline has the argument "guest=hn-&lt;guid&gt;" (from "-name guest=...").</summary>
    public static bool CommandLineNamesVm(int pid, Guid vmId)
    {
        byte[] cmdline;
        try
        {
            cmdline = File.ReadAllBytes($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return CommandLineNamesVm(cmdline, vmId);
    }

    /// <summary>The arguments of <paramref name="pid"/>'s command line when it is this VM's QEMU, else null.</summary>
    public static IReadOnlyList<string>? ReadCommandLine(int pid, Guid vmId)
    {
        try
        {
            var cmdline = File.ReadAllBytes($"/proc/{pid}/cmdline");
            return CommandLineNamesVm(cmdline, vmId) ? Encoding.UTF8.GetString(cmdline).TrimEnd('\0').Split('\0') : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool CommandLineNamesVm(ReadOnlySpan<byte> cmdline, Guid vmId)
    {
        var wanted = "guest=" + QemuGuestName.For(vmId);
        foreach (var argument in Encoding.UTF8.GetString(cmdline).Split('\0'))
        {
            if (argument == wanted || argument.StartsWith(wanted + ",", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static QemuProcessStats? ReadStats(int pid)
    {
        var stat = ProcPidStat.Read(pid);
        if (stat is null)
        {
            return null;
        }

        string? status = null;
        try
        {
            status = File.ReadAllText($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return new QemuProcessStats(
            SystemClock.FromTicks(stat.UserTicks + stat.SystemTicks),
            status is null ? null : ProcPidStatus.ParseResidentBytes(status),
            SystemClock.BootTime + SystemClock.FromTicks(stat.StartTicksSinceBoot),
            DateTimeOffset.UtcNow);
    }

    public static DateTimeOffset? ReadStartTime(int pid)
        => ProcPidStat.Read(pid) is { } stat ? SystemClock.BootTime + SystemClock.FromTicks(stat.StartTicksSinceBoot) : null;

    /// <summary>The pid QEMU wrote to its -pidfile, or null when the file is missing or not a number.</summary>
    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 0
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static bool Exists(int pid)
    {
        if (LibC.Kill(pid, 0) == 0)
        {
            return true;
        }

        // EPERM: the process exists but belongs to someone we may not signal.
        return Marshal.GetLastPInvokeError() == LibC.EPERM;
    }
}
