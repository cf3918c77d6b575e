using System.Globalization;

namespace HyperNest.Qemu;

/// <summary>
/// The control registers of one vCPU that show whether the guest runs a hypervisor: AMD SVM is on
/// while EFER.SVME (bit 12) is set, Intel VMX while CR4.VMXE (bit 13) is set. Read from HMP
/// "info registers -a", whose lines look like "CR0=80050033 CR2=... CR4=00350ef0" and "EFER=0000000000001d01".
/// </summary>
public sealed record QemuCpuRegisters(int Cpu, ulong Efer, ulong Cr4)
{
    public const int EferSvmeBit = 12;
    public const int Cr4VmxeBit = 13;

    public bool SvmEnabled => (Efer & (1UL << EferSvmeBit)) != 0;

    public bool VmxEnabled => (Cr4 & (1UL << Cr4VmxeBit)) != 0;

    public bool HypervisorActive => SvmEnabled || VmxEnabled;

    /// <summary>Parses "info registers" (one CPU, no header) or "info registers -a" ("CPU#n" headers).</summary>
    public static IReadOnlyList<QemuCpuRegisters> Parse(string text)
    {
        var result = new List<QemuCpuRegisters>();
        int? cpu = null;
        ulong? efer = null;
        ulong? cr4 = null;

        void Flush()
        {
            if (efer is not null || cr4 is not null)
            {
                result.Add(new QemuCpuRegisters(cpu ?? 0, efer ?? 0, cr4 ?? 0));
            }

            efer = null;
            cr4 = null;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("CPU#", StringComparison.Ordinal))
            {
                Flush();
                cpu = int.TryParse(line.AsSpan(4), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : result.Count;
                continue;
            }

            foreach (var field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (field.StartsWith("EFER=", StringComparison.Ordinal))
                {
                    efer = Hex(field.AsSpan(5));
                }
                else if (field.StartsWith("CR4=", StringComparison.Ordinal))
                {
                    cr4 = Hex(field.AsSpan(4));
                }
            }
        }

        Flush();
        return result;
    }

    private static ulong? Hex(ReadOnlySpan<char> digits)
        => ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
}
