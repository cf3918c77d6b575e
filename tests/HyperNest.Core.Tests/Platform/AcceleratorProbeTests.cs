using HyperNest.Model;
using HyperNest.Platform;

namespace HyperNest.Core.Tests.Platform;

public sealed class AcceleratorProbeTests
{
    private const string AmdWithoutSvm = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model name	: AMD EPYC
        flags		: fpu vme de pse tsc msr pae hypervisor lahf_lm cmp_legacy
        
        processor	: 1
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC
        flags		: fpu vme de pse tsc msr pae hypervisor lahf_lm cmp_legacy
        """;

    private const string IntelWithVmx = """
        processor	: 0
        vendor_id	: GenuineIntel
        model name	: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz
        flags		: fpu vme vmx smx est tm2 ept vpid ept_ad
        """;

    private const string AmdWithSvm = """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 7B13
        flags		: fpu svm npt lbrv nrip_save
        """;

    [Fact]
    public void Probe_NoVmxOrSvm_ChoosesTcgEvenWithUsableDevKvm()
    {
        var sources = new FakeHostProbeSources();
        sources.Files[AcceleratorProbe.CpuInfoPath] = AmdWithoutSvm;
        sources.Devices[AcceleratorProbe.KvmDevicePath] = null;

        var result = new AcceleratorProbe(sources).Probe();

        Assert.Equal(AcceleratorKind.TCG, result.Kind);
        Assert.Equal("no vmx/svm flag in /proc/cpuinfo: using TCG software emulation", result.Reason);
        Assert.Equal("AuthenticAMD", result.CpuVendor);
        Assert.Equal("AMD EPYC", result.CpuModelName);
        Assert.Equal(2, result.LogicalProcessorCount);
        Assert.Empty(result.NestingFlags);
        Assert.True(result.KvmDevicePresent);
        Assert.Null(result.NestedEnabled);
    }

    [Fact]
    public void Probe_IntelVmxAndOpenableKvm_ChoosesKvmAndReadsKvmIntelNested()
    {
        var sources = new FakeHostProbeSources();
        sources.Files[AcceleratorProbe.CpuInfoPath] = IntelWithVmx;
        sources.Files[AcceleratorProbe.KvmIntelNestedPath] = "Y\n";
        sources.Files[AcceleratorProbe.KvmAmdNestedPath] = "0\n";
        sources.Devices[AcceleratorProbe.KvmDevicePath] = null;

        var result = new AcceleratorProbe(sources).Probe();

        Assert.Equal(AcceleratorKind.KVM, result.Kind);
        Assert.Equal("/proc/cpuinfo has vmx and /dev/kvm opens read-write: using KVM", result.Reason);
        Assert.Equal(["vmx", "ept"], result.NestingFlags);
        Assert.Equal("Y", result.NestedParameter);
        Assert.Equal(AcceleratorProbe.KvmIntelNestedPath, result.NestedParameterPath);
        Assert.True(result.NestedEnabled);
    }

    [Fact]
    public void Probe_AmdSvmNestedZero_ReadsKvmAmdParameter()
    {
        var sources = new FakeHostProbeSources();
        sources.Files[AcceleratorProbe.CpuInfoPath] = AmdWithSvm;
        sources.Files[AcceleratorProbe.KvmAmdNestedPath] = "0\n";
        sources.Devices[AcceleratorProbe.KvmDevicePath] = null;

        var result = new AcceleratorProbe(sources).Probe();

        Assert.Equal(AcceleratorKind.KVM, result.Kind);
        Assert.Equal(["svm", "npt"], result.NestingFlags);
        Assert.Equal("0", result.NestedParameter);
        Assert.False(result.NestedEnabled);
    }

    [Fact]
    public void Probe_SvmButKvmNotOpenable_ChoosesTcgWithTheError()
    {
        var sources = new FakeHostProbeSources();
        sources.Files[AcceleratorProbe.CpuInfoPath] = AmdWithSvm;
        sources.Devices[AcceleratorProbe.KvmDevicePath] = "Permission denied";

        var result = new AcceleratorProbe(sources).Probe();

        Assert.Equal(AcceleratorKind.TCG, result.Kind);
        Assert.Equal("/proc/cpuinfo has svm but /dev/kvm does not open read-write (Permission denied): using TCG software emulation", result.Reason);
    }

    [Fact]
    public void Probe_SvmButNoDevKvm_ChoosesTcg()
    {
        var sources = new FakeHostProbeSources();
        sources.Files[AcceleratorProbe.CpuInfoPath] = AmdWithSvm;

        var result = new AcceleratorProbe(sources).Probe();

        Assert.Equal(AcceleratorKind.TCG, result.Kind);
        Assert.False(result.KvmDevicePresent);
        Assert.Contains("does not exist", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("1\n", true)]
    [InlineData("N", false)]
    [InlineData("0", false)]
    [InlineData("maybe", null)]
    [InlineData(null, null)]
    public void ParseNested_KernelValues(string? value, bool? expected)
    {
        Assert.Equal(expected, AcceleratorProbe.ParseNested(value));
    }

    [Fact]
    public void Probe_ThisMachine_AgreesWithItsCpuFlags()
    {
        var result = new AcceleratorProbe().Probe();
        var cpu = CpuInfo.Parse(File.ReadAllText("/proc/cpuinfo"));

        if (!cpu.HasVmx && !cpu.HasSvm)
        {
            Assert.Equal(AcceleratorKind.TCG, result.Kind);
            Assert.StartsWith("no vmx/svm flag", result.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(cpu.Vendor, result.CpuVendor);
        Assert.NotEqual("unknown", result.CpuVendor);
    }
}
