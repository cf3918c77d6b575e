using System.Text.RegularExpressions;

namespace HyperNest.Qemu;

/// <summary>
/// A VM network adapter: a tap device HyperNest created and attached to the switch's bridge, and the
/// adapter's MAC. QEMU opens the existing tap by name while still root (before -runas, see <see cref="QemuConfinement"/>); no vhost-net on these hosts.
/// </summary>
public sealed partial record QemuNetworkAdapter(string TapName, string MacAddress, int? BootIndex = null)
{
    /// <summary>IFNAMSIZ is 16 including the NUL (linux/if.h); HyperNest's own names use only these characters.</summary>
    public static bool IsValidTapName(string name) => TapNamePattern().IsMatch(name);

    /// <summary>Six colon-separated hex pairs, the form virtio-net's "mac" property takes.</summary>
    public static bool IsValidMac(string mac) => MacPattern().IsMatch(mac);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,14}$")]
    private static partial Regex TapNamePattern();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();
}
