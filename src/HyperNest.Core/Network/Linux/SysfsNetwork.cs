using System.Globalization;
using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>
/// Link speed and driver from /sys/class/net, which rtnetlink does not report.
/// KERNEL QUIRK: sysfs shows the network namespace of whoever mounted it, not of the reader. After
/// <c>unshare --net</c> without a fresh sysfs mount (our test runs, and any tool started that way),
/// /sys/class/net lists the HOST's links, so a namespace's "eth0" could be read as the host's eth0.
/// An entry is only trusted when its ifindex (and MAC, when the link has one) match what ip reported
/// for the link in our own namespace.
/// </summary>
public sealed class SysfsNetwork(string classNetDirectory = SysfsNetwork.DefaultDirectory)
{
    public const string DefaultDirectory = "/sys/class/net";

    /// <summary>Returns the link with speed and driver filled from sysfs when sysfs describes this very link.</summary>
    public LinkInfo Complete(LinkInfo link)
    {
        if (!KernelLinkName.IsValid(link.Name))
        {
            return link;
        }

        var directory = Path.Combine(classNetDirectory, link.Name);
        if (!Describes(directory, link))
        {
            return link;
        }

        return link with { SpeedMbps = Speed(directory), Driver = Driver(directory) };
    }

    private static bool Describes(string directory, LinkInfo link)
    {
        if (ReadTrimmed(Path.Combine(directory, "ifindex")) is not { } index || index != link.Index.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        return link.MacAddress is null
            || string.Equals(ReadTrimmed(Path.Combine(directory, "address")), link.MacAddress, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reading "speed" fails with EINVAL for virtual links and for a NIC whose carrier is down; a driver
    /// that cannot tell says -1 (SPEED_UNKNOWN). Both mean "no speed".
    /// </summary>
    private static long? Speed(string directory) =>
        ReadTrimmed(Path.Combine(directory, "speed")) is { } text && long.TryParse(text, CultureInfo.InvariantCulture, out var speed) && speed > 0
            ? speed
            : null;

    /// <summary>device/driver is a symlink to /sys/bus/…/drivers/NAME; virtual links have no device.</summary>
    private static string? Driver(string directory)
    {
        try
        {
            var target = new FileInfo(Path.Combine(directory, "device", "driver")).LinkTarget;
            return target is null ? null : Path.GetFileName(target.TrimEnd('/'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
