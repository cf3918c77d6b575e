using HyperNest.Model;

namespace HyperNest.Platform;

/// <summary>
/// The one place that decides KVM or TCG (like cloud-hypervisor's hypervisor factory).
/// KVM only when the CPU advertises vmx or svm AND /dev/kvm opens read-write: /dev/kvm can exist on a
/// CPU without them (cloud VMs), and such a KVM emulates guest code instruction by instruction, far
/// slower than TCG (a guest did not get past the BIOS in 15 minutes here).
/// </summary>
public sealed class AcceleratorProbe
{
    public const string CpuInfoPath = "/proc/cpuinfo";
    public const string KvmDevicePath = "/dev/kvm";
    public const string KvmIntelNestedPath = "/sys/module/kvm_intel/parameters/nested";
    public const string KvmAmdNestedPath = "/sys/module/kvm_amd/parameters/nested";

    private static readonly string[] NestingFlagNames = ["vmx", "ept", "svm", "npt"];

    private readonly IHostProbeSources _sources;

    public AcceleratorProbe(IHostProbeSources? sources = null)
    {
        _sources = sources ?? LinuxHostProbeSources.Instance;
    }

    public AcceleratorProbeResult Probe()
    {
        var cpu = CpuInfo.Parse(_sources.ReadText(CpuInfoPath) ?? "");
        var (nestedPath, nestedValue) = ReadNestedParameter(cpu);
        var kvmPresent = _sources.Exists(KvmDevicePath);
        var (kind, reason) = Decide(cpu, kvmPresent);
        return new AcceleratorProbeResult
        {
            Kind = kind,
            Reason = reason,
            CpuVendor = cpu.Vendor,
            CpuModelName = cpu.ModelName,
            LogicalProcessorCount = cpu.LogicalProcessorCount,
            NestingFlags = NestingFlagNames.Where(cpu.Flags.Contains).ToArray(),
            KvmDevicePresent = kvmPresent,
            RunsInsideVirtualMachine = cpu.Flags.Contains("hypervisor"),
            NestedParameter = nestedValue,
            NestedParameterPath = nestedValue is null ? null : nestedPath,
            NestedEnabled = ParseNested(nestedValue),
        };
    }

    /// <summary>kvm_intel and kvm_amd print "Y"/"N" (bool) or "1"/"0" (int, older kernels) for nested.</summary>
    public static bool? ParseNested(string? value) => value?.Trim() switch
    {
        "Y" or "y" or "1" => true,
        "N" or "n" or "0" => false,
        _ => null,
    };

    private (AcceleratorKind Kind, string Reason) Decide(CpuInfo cpu, bool kvmPresent)
    {
        const string tcg = "using TCG software emulation";
        var extension = cpu.HasVmx ? "vmx" : cpu.HasSvm ? "svm" : null;
        if (extension is null)
        {
            return (AcceleratorKind.TCG, $"no vmx/svm flag in {CpuInfoPath}: {tcg}");
        }

        if (!kvmPresent)
        {
            return (AcceleratorKind.TCG, $"{CpuInfoPath} has {extension} but {KvmDevicePath} does not exist (is the kvm module loaded?): {tcg}");
        }

        if (!_sources.TryOpenReadWrite(KvmDevicePath, out var error))
        {
            return (AcceleratorKind.TCG, $"{CpuInfoPath} has {extension} but {KvmDevicePath} does not open read-write ({error}): {tcg}");
        }

        return (AcceleratorKind.KVM, $"{CpuInfoPath} has {extension} and {KvmDevicePath} opens read-write: using KVM");
    }

    private (string Path, string? Value) ReadNestedParameter(CpuInfo cpu)
    {
        string[] candidates = cpu.IsIntel ? [KvmIntelNestedPath]
            : cpu.IsAmd ? [KvmAmdNestedPath]
            : [KvmIntelNestedPath, KvmAmdNestedPath];
        foreach (var path in candidates)
        {
            var text = _sources.ReadText(path);
            if (text is not null)
            {
                return (path, text.Trim());
            }
        }

        return (candidates[0], null);
    }
}
