namespace HyperNest.Platform;

/// <summary>The first processor's entry of /proc/cpuinfo (all logical CPUs of a host share these fields).</summary>
public sealed record CpuInfo(string Vendor, string ModelName, IReadOnlySet<string> Flags, int LogicalProcessorCount)
{
    public static CpuInfo Parse(string text)
    {
        string? vendor = null;
        string? model = null;
        HashSet<string>? flags = null;
        var processors = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var colon = rawLine.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = rawLine[..colon].Trim();
            var value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    processors++;
                    break;
                case "vendor_id":
                    vendor ??= value;
                    break;
                case "model name":
                    model ??= value;
                    break;
                case "flags":
                    flags ??= new HashSet<string>(value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                    break;
            }
        }

        return new CpuInfo(vendor ?? "unknown", model ?? "unknown", flags ?? new HashSet<string>(StringComparer.Ordinal), Math.Max(processors, 1));
    }

    public bool HasVmx => Flags.Contains("vmx");

    public bool HasSvm => Flags.Contains("svm");

    public bool IsIntel => Vendor == "GenuineIntel";

    public bool IsAmd => Vendor == "AuthenticAMD";
}
