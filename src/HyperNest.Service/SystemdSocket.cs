using System.Globalization;

namespace HyperNest.Service;

/// <summary>
/// The listening socket systemd passes to a socket-activated service (sd_listen_fds(3)): LISTEN_PID names
/// this process and LISTEN_FDS counts descriptors from 3. hypernestd.socket passes one.
/// </summary>
internal static class SystemdSocket
{
    private const int FirstPassedDescriptor = 3;

    public static int? Passed()
    {
        var pid = Environment.GetEnvironmentVariable("LISTEN_PID");
        var count = Environment.GetEnvironmentVariable("LISTEN_FDS");
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var listenPid) && listenPid == Environment.ProcessId
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var fds) && fds >= 1
            ? FirstPassedDescriptor
            : null;
    }
}
