namespace HyperNest.Network.Linux;

/// <summary>The kernel's own rule for a network interface name, checked before any tool sees it.</summary>
public static class KernelLinkName
{
    /// <summary>IFNAMSIZ is 16 bytes including the terminating NUL.</summary>
    public const int MaxLength = 15;

    /// <summary>
    /// Mirrors the kernel's dev_valid_name: 1–15 bytes, not "." or "..", no '/', ':' or whitespace
    /// (the name becomes a directory under /sys/class/net and /proc/sys/net/*/conf, and ':' marked the
    /// old IPv4 alias labels). The argument vector keeps the name from being re-parsed, so this is about
    /// clear errors before the tool's, and about never building a sysfs or procfs path from a name
    /// that could climb out of its directory.
    /// </summary>
    public static string Require(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!HasValidLength(name))
        {
            throw new ArgumentException($"Link name '{Printable(name)}' must be 1 to {MaxLength} bytes long.", paramName);
        }

        if (!HasValidCharacters(name))
        {
            throw new ArgumentException($"Link name '{Printable(name)}' may not be '.' or '..' nor contain '/', ':', whitespace or control characters.", paramName);
        }

        return name;
    }

    /// <summary>
    /// The same rule as a test, for names the kernel reported: it is a little looser (it allows control
    /// characters), so such a name is listed but never made into a path.
    /// </summary>
    public static bool IsValid(string name) => HasValidLength(name) && HasValidCharacters(name);

    private static bool HasValidLength(string name) => name.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(name) <= MaxLength;

    private static bool HasValidCharacters(string name) =>
        name is not ("." or "..") && !name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c));

    private static string Printable(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
