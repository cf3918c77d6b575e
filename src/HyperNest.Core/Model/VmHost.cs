namespace HyperNest.Model;

/// <summary>What Get-VMHost returns.</summary>
public sealed record VmHost
{
    public required string ComputerName { get; init; }

    public int LogicalProcessorCount { get; init; }

    public long MemoryCapacity { get; init; }

    /// <summary>
    /// Beyond Hyper-V: the most memory Dynamic Memory gives all running VMs together (Set-VMHost
    /// -VirtualMachineMemoryLimitBytes; the soft limit of the cgroup that holds every VM); 0: no limit.
    /// </summary>
    public long VirtualMachineMemoryLimit { get; init; }

    public required string ProcessorVendor { get; init; }

    public required string ProcessorModel { get; init; }

    public required AcceleratorKind Accelerator { get; init; }

    /// <summary>Why this accelerator was chosen, e.g. "no vmx/svm flag in /proc/cpuinfo".</summary>
    public required string AcceleratorReason { get; init; }

    public required string VirtualMachinePath { get; init; }

    public required string VirtualHardDiskPath { get; init; }

    public required string QemuVersion { get; init; }

    /// <summary>Whether VMs here can be given virtualization extensions (Set-VMProcessor -ExposeVirtualizationExtensions).</summary>
    public bool NestedVirtualizationSupported { get; init; }

    /// <summary>"hardware (KVM, …)" or "software-emulated (TCG, AMD SVM)".</summary>
    public required string NestedVirtualizationMode { get; init; }

    /// <summary>Each prerequisite with PASS/WARN/FAIL and why, as virt-host-validate reports them.</summary>
    public required IReadOnlyList<NestedPrerequisite> NestedVirtualizationPrerequisites { get; init; }

    public required IReadOnlyList<string> SupportedVersions { get; init; }

    public required string DefaultVersion { get; init; }
}
