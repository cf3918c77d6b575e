using System.Globalization;

namespace HyperNest.Platform;

/// <summary>
/// The fields of /proc/&lt;pid&gt;/stat HyperNest uses (proc(5)); Nice is the main thread's nice value. Times are in clock ticks. The command
/// name in parentheses may itself contain spaces and ')', so fields are counted after the LAST ')'.
/// </summary>
public sealed record ProcPidStat(char State, long UserTicks, long SystemTicks, int Nice, long StartTicksSinceBoot)
{
    /// <summary>Z (zombie) and X (dead): the pid exists but the process has ended.</summary>
    public bool HasEnded => State is 'Z' or 'X' or 'x';

    /// <summary>The process's stat now, or null when there is no such process (or it cannot be read).</summary>
    public static ProcPidStat? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static ProcPidStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        // After ")": field 3 (state) is index 0, so field N is index N - 3.
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20 || fields[0].Length != 1)
        {
            return null;
        }

        return new ProcPidStat(fields[0][0], Long(fields[14 - 3]), Long(fields[15 - 3]), (int)Long(fields[19 - 3]), Long(fields[22 - 3]));
    }

    private static long Long(string field) => long.Parse(field, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
