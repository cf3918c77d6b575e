using System.Globalization;

namespace HyperNest.Platform;

/// <summary>/proc/&lt;pid&gt;/status: the resident set size (VmRSS, reported in kB meaning KiB).</summary>
public static class ProcPidStatus
{
    public static long? ParseResidentBytes(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["VmRSS:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
            {
                return kib * 1024;
            }
        }

        return null;
    }
}
