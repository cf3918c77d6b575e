using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HyperNest.Model;

/// <summary>
/// A Hyper-V configuration version ("8.0", "9.3", "12.0"). Versions gate features: nested
/// virtualization needs 8.0 on Intel and 9.3 on AMD (Hyper-V's documented minimums).
/// </summary>
public readonly record struct VmConfigurationVersion(int Major, int Minor) : IComparable<VmConfigurationVersion>
{
    /// <summary>Versions this host can create or upgrade to, oldest first (Get-VMHostSupportedVersion).</summary>
    public static IReadOnlyList<VmConfigurationVersion> Supported { get; } =
    [
        new(5, 0), new(8, 0), new(9, 0), new(9, 3), new(10, 0), new(11, 0), new(12, 0),
    ];

    public static VmConfigurationVersion Default { get; } = new(12, 0);

    public static bool TryParse(string? text, [NotNullWhen(true)] out VmConfigurationVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        var minor = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
        {
            return false;
        }

        version = new VmConfigurationVersion(major, minor);
        return true;
    }

    public bool IsSupported => Supported.Contains(this);

    public int CompareTo(VmConfigurationVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(VmConfigurationVersion a, VmConfigurationVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(VmConfigurationVersion a, VmConfigurationVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(VmConfigurationVersion a, VmConfigurationVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(VmConfigurationVersion a, VmConfigurationVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
