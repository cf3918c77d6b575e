namespace HyperNest.Platform;

/// <summary>Writes a command as one line a POSIX shell would split back into the same arguments (for logs an admin can paste).</summary>
public static class ShellQuoting
{
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    /// <summary>As is when only characters a shell leaves alone; else in single quotes, each ' as '\''.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "_-./=:,@%+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
