namespace HyperNest.Qemu;

/// <summary>
/// Checks for values that must travel in QEMU's "key=value,key=value" option syntax, where a ',' starts a
/// new option (",," escapes it, but escaping is easy to forget in one place; refusing is not).
/// Anything user-influenced (disk paths) goes through JSON instead and never reaches these checks.
/// </summary>
public static class QemuArgumentSafety
{
    /// <summary>sockaddr_un.sun_path is 108 bytes including the terminating NUL (unix(7)).</summary>
    public const int MaxUnixSocketPathBytes = 107;

    public static void RequireOptionSafePath(string path, string what)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"{what} must be an absolute path: '{path}'", nameof(path));
        }

        if (path.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} must not contain ',' (QEMU's option separator): '{path}'", nameof(path));
        }

        RequireNoControlCharacters(path, what);
    }

    public static void RequireSocketPath(string path, string what)
    {
        RequireOptionSafePath(path, what);
        if (System.Text.Encoding.UTF8.GetByteCount(path) > MaxUnixSocketPathBytes)
        {
            throw new ArgumentException($"{what} is longer than a unix socket path may be ({MaxUnixSocketPathBytes} bytes): '{path}'", nameof(path));
        }
    }

    public static void RequireNoControlCharacters(string value, string what)
    {
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"{what} must not contain control characters", nameof(value));
        }
    }

    /// <summary>A POSIX user name (what useradd accepts by default), safe as -runas's value.</summary>
    public static bool IsUserName(string name) =>
        name.Length is > 0 and <= 32 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}
