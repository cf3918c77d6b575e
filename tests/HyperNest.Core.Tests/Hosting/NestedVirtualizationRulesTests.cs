using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

public sealed class NestedVirtualizationRulesTests : IDisposable
{
    private static readonly HostCapabilities IntelKvm = new(AcceleratorKind.KVM, "vmx and /dev/kvm", "GenuineIntel", "Xeon", 2, 4L << 30, "7.2.0")
    {
        Nesting = new HostNestingFacts(["vmx", "ept"], true, "Y", "/sys/module/kvm_intel/parameters/nested", []),
    };

    private static readonly HostCapabilities AmdKvm = new(AcceleratorKind.KVM, "svm and /dev/kvm", "AuthenticAMD", "EPYC", 2, 4L << 30, "7.2.0")
    {
        Nesting = new HostNestingFacts(["svm", "npt"], true, "1", "/sys/module/kvm_amd/parameters/nested", []),
    };

    private readonly HostFixture _fixture = new();

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    private void NewVm(string version) => Host.NewVm(new NewVmRequest { Name = "l1", NoVhd = true, Version = VmConfigurationVersion.TryParse(version, out var v) ? v : null });

    private static readonly SetProcessorRequest Expose = new() { ExposeVirtualizationExtensions = true };

    [Fact]
    public void Expose_UnderTcgWithVersion93_IsAllowedAsSoftwareEmulated()
    {
        NewVm("9.3");

        Assert.True(Host.SetVmProcessor("l1", Expose).ExposeVirtualizationExtensions);
        Assert.Equal("software-emulated (TCG, AMD SVM)", Host.GetHost().NestedVirtualizationMode);
    }

    [Fact]
    public void Expose_UnderTcgWithVersion90_PointsToUpdateVmVersion()
    {
        NewVm("9.0");

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));

        Assert.StartsWith("Failed to modify device 'Processor'.\n'l1' failed to modify device 'Processor'. (Virtual machine ID ", error.Message);
        Assert.Contains("9.3", error.Message);
        Assert.Contains("Update-VMVersion", error.Message);
        Assert.False(Host.GetVmProcessor("l1").ExposeVirtualizationExtensions);
    }

    [Fact]
    public void Expose_OnIntelKvmWithVersion80_IsAllowed()
    {
        _fixture.Backend.Capabilities = IntelKvm;
        NewVm("8.0");

        Assert.True(Host.SetVmProcessor("l1", Expose).ExposeVirtualizationExtensions);
    }

    [Fact]
    public void Expose_OnAmdKvmWithVersion90_IsRefused_93IsAllowed()
    {
        _fixture.Backend.Capabilities = AmdKvm;
        NewVm("9.0");

        Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));
        Host.UpdateVmVersion("l1", new VmConfigurationVersion(9, 3));
        Assert.True(Host.SetVmProcessor("l1", Expose).ExposeVirtualizationExtensions);
    }

    [Fact]
    public void Expose_KvmNestedParameterOff_NamesTheFileToChange()
    {
        _fixture.Backend.Capabilities = IntelKvm with { Nesting = IntelKvm.Nesting with { NestedParameter = "N" } };
        NewVm("12.0");

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));

        Assert.Equal("NestedVirtualizationNotSupported", error.ErrorId);
        Assert.Contains("/sys/module/kvm_intel/parameters/nested", error.Message);
        Assert.Contains("/etc/modprobe.d/kvm_intel.conf", error.Message);
        Assert.False(Host.GetVmProcessor("l1").ExposeVirtualizationExtensions);
    }

    [Fact]
    public void Expose_IntelWithoutEpt_IsRefused()
    {
        _fixture.Backend.Capabilities = IntelKvm with { Nesting = IntelKvm.Nesting with { CpuFlags = ["vmx"] } };
        NewVm("12.0");

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));

        Assert.Contains("ept", error.Message);
    }

    [Fact]
    public void Expose_AnotherHypervisorModuleLoaded_IsRefused()
    {
        _fixture.Backend.Capabilities = IntelKvm with { Nesting = IntelKvm.Nesting with { ConflictingHypervisorModules = ["vboxdrv"] } };
        NewVm("12.0");

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));

        Assert.Contains("vboxdrv", error.Message);
    }

    [Theory]
    [InlineData(VmState.Running)]
    [InlineData(VmState.Paused)]
    [InlineData(VmState.Saved)]
    public void Expose_WhenNotOff_IsRefusedWithDeviceError(VmState state)
    {
        NewVm("12.0");
        Host.StartVm("l1");
        if (state == VmState.Paused)
        {
            Host.SuspendVm("l1");
        }
        else if (state == VmState.Saved)
        {
            Host.StopVm("l1", StopMode.Save);
        }

        var error = Assert.Throws<HostException>(() => Host.SetVmProcessor("l1", Expose));

        Assert.Equal("InvalidState", error.ErrorId);
        Assert.Contains("'l1' failed to modify device 'Processor'.", error.Message);
        Assert.Contains(state == VmState.Saved ? "Remove-VMSavedState" : "Stop-VM", error.Message);
        Assert.Equal(state, Host.GetVm("l1").State);
        Assert.False(Host.GetVmProcessor("l1").ExposeVirtualizationExtensions);
    }

    [Fact]
    public void StartVm_HostLostNestingSinceSet_IsRefusedWithPlatformMessage()
    {
        _fixture.Backend.Capabilities = IntelKvm;
        NewVm("12.0");
        Host.SetVmProcessor("l1", Expose);
        _fixture.Backend.Capabilities = IntelKvm with { Nesting = IntelKvm.Nesting with { NestedParameter = "N" } };

        var error = Assert.Throws<HostException>(() => Host.StartVm("l1"));

        Assert.StartsWith("The virtual machine could not be started because this platform does not support nested virtualization.", error.Message);
        Assert.Equal(VmState.Off, Host.GetVm("l1").State);
    }

    [Fact]
    public void GetHost_UnderTcg_ListsPrerequisitesWithResults()
    {
        var prerequisites = Host.GetHost().NestedVirtualizationPrerequisites;

        Assert.Contains(prerequisites, p => p.Check.StartsWith("Hardware virtualization", StringComparison.Ordinal) && p.Result == NestedPrerequisite.Warn);
        Assert.Contains(prerequisites, p => p.Check.StartsWith("Software SVM", StringComparison.Ordinal) && p.Result == NestedPrerequisite.Pass);
        Assert.True(Host.GetHost().NestedVirtualizationSupported);
    }

    [Fact]
    public void StartVm_OnTcgHostThatIsItselfAVm_WarnsAndNamesTheParentHostFix()
    {
        _fixture.Backend.Capabilities = _fixture.Backend.Capabilities with { Nesting = HostNestingFacts.None with { RunsInsideVirtualMachine = true } };
        var warnings = new List<string>();
        Host.Warning += (_, message) => warnings.Add(message);
        NewVm("12.0");

        Host.StartVm("l1");

        var warning = Assert.Single(warnings);
        Assert.Contains("without hardware virtualization", warning);
        Assert.Contains("Set-VMProcessor -VMName <this VM> -ExposeVirtualizationExtensions $true", warning);
        Assert.Equal(VmState.Running, Host.GetVm("l1").State);
    }

    [Fact]
    public void StartVm_OnTcgBareMetal_DoesNotWarn()
    {
        var warnings = new List<string>();
        Host.Warning += (_, message) => warnings.Add(message);
        NewVm("12.0");

        Host.StartVm("l1");

        Assert.Empty(warnings);
    }

    [Fact]
    public void NestedHypervisorActive_FollowsTheGuestCpuState()
    {
        NewVm("12.0");
        Host.StartVm("l1");
        Assert.False(Host.GetVm("l1").NestedHypervisorActive);

        _fixture.Backend.HypervisorInGuest = true;

        Assert.True(Host.GetVm("l1").NestedHypervisorActive);
        Assert.True(Host.GetVmProcessor("l1").NestedHypervisorActive);
    }
}
