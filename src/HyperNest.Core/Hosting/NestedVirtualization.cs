using HyperNest.Model;
using HyperNest.Platform;

namespace HyperNest.Hosting;

/// <summary>
/// Whether this host can give a VM virtualization extensions, and the configuration version that needs.
/// The documents' prerequisites ("an Intel processor with VT-x and EPT", "configuration version 8.0 or
/// greater"; AMD hosts need 9.3) translated to Linux: with KVM, vmx+ept or svm+npt and the kvm module's
/// nested parameter on; with TCG, QEMU emulates AMD SVM in software, so nesting works everywhere.
/// </summary>
public sealed record NestedVirtualizationSupport(bool Supported, string Mode, VmConfigurationVersion MinimumVersion, IReadOnlyList<NestedPrerequisite> Prerequisites)
{
    /// <summary>Hyper-V's minimum on Intel hosts.</summary>
    public static readonly VmConfigurationVersion IntelMinimumVersion = new(8, 0);

    /// <summary>Hyper-V's minimum on AMD hosts; software SVM is AMD-style, so it applies under TCG too.</summary>
    public static readonly VmConfigurationVersion AmdMinimumVersion = new(9, 3);

    /// <summary>The failing checks, for error messages.</summary>
    public string FailureReason => string.Join(" ", Prerequisites.Where(p => p.Result == NestedPrerequisite.Fail).Select(p => $"{p.Check}: {p.Detail}"));

    public static NestedVirtualizationSupport Evaluate(HostCapabilities host)
    {
        var facts = host.Nesting;
        var intel = facts.CpuFlags.Contains("vmx");
        var amd = facts.CpuFlags.Contains("svm");
        var checks = new List<NestedPrerequisite>();

        if (host.Accelerator == AcceleratorKind.TCG)
        {
            checks.Add(new("Hardware virtualization (vmx/svm)", NestedPrerequisite.Warn,
                $"not used: {host.AcceleratorReason}. Nested guests get AMD SVM emulated by QEMU's TCG, which works on any CPU but is slow."));
            checks.Add(new("Software SVM emulation (QEMU TCG)", host.QemuVersion == "not installed" ? NestedPrerequisite.Fail : NestedPrerequisite.Pass,
                host.QemuVersion == "not installed" ? "qemu-system-x86_64 is not installed: apt-get install qemu-system-x86" : $"QEMU {host.QemuVersion} emulates svm and npt"));
            checks.Add(new("Configuration version", NestedPrerequisite.Pass, $"VMs need {AmdMinimumVersion} or later (AMD-style SVM)"));
            var ok = checks.All(c => c.Result != NestedPrerequisite.Fail);
            return new(ok, "software-emulated (TCG, AMD SVM)", AmdMinimumVersion, checks);
        }

        var extension = intel ? "vmx (Intel VT-x)" : amd ? "svm (AMD-V)" : null;
        checks.Add(extension is null
            ? new("Hardware virtualization (vmx/svm)", NestedPrerequisite.Fail, "the CPU advertises neither vmx nor svm in /proc/cpuinfo")
            : new("Hardware virtualization (vmx/svm)", NestedPrerequisite.Pass, $"{extension} in /proc/cpuinfo"));

        var slat = intel ? "ept" : "npt";
        checks.Add(facts.CpuFlags.Contains(slat)
            ? new("Second-level address translation", NestedPrerequisite.Pass, $"{slat} in /proc/cpuinfo")
            : new("Second-level address translation", NestedPrerequisite.Fail, $"{slat} is missing from /proc/cpuinfo ({(intel ? "Intel EPT" : "AMD NPT")} is required)"));

        checks.Add(facts.KvmUsable
            ? new("KVM device", NestedPrerequisite.Pass, "/dev/kvm opens read-write")
            : new("KVM device", NestedPrerequisite.Fail, "/dev/kvm does not open read-write: load kvm_intel or kvm_amd"));

        var module = intel ? "kvm_intel" : "kvm_amd";
        var path = facts.NestedParameterPath ?? $"/sys/module/{module}/parameters/nested";
        checks.Add(AcceleratorProbe.ParseNested(facts.NestedParameter) == true
            ? new("KVM nested parameter", NestedPrerequisite.Pass, $"{path} is {facts.NestedParameter}")
            : new("KVM nested parameter", NestedPrerequisite.Fail,
                $"{path} is {facts.NestedParameter ?? "missing"}: put 'options {module} nested=1' in /etc/modprobe.d/{module}.conf and reload {module} (or reboot)"));

        // Linux has no VBS or Device Guard; what takes the virtualization extensions away from KVM here is
        // another hypervisor's kernel module holding VT-x/AMD-V for itself.
        checks.Add(facts.ConflictingHypervisorModules.Count == 0
            ? new("No other hypervisor holds VT-x/AMD-V", NestedPrerequisite.Pass, "no vboxdrv, vmmon or vmx86 module loaded")
            : new("No other hypervisor holds VT-x/AMD-V", NestedPrerequisite.Fail,
                $"{string.Join(", ", facts.ConflictingHypervisorModules)} loaded: unload it (rmmod) before exposing virtualization extensions"));

        var minimum = intel ? IntelMinimumVersion : AmdMinimumVersion;
        checks.Add(new("Configuration version", NestedPrerequisite.Pass, $"VMs need {minimum} or later"));
        var supported = checks.All(c => c.Result != NestedPrerequisite.Fail);
        return new(supported, intel ? "hardware (KVM, Intel VT-x with EPT)" : "hardware (KVM, AMD-V with NPT)", minimum, checks);
    }
}
