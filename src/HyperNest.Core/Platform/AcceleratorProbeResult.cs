using HyperNest.Model;

namespace HyperNest.Platform;

/// <summary>What the host can do for VMs: the accelerator QEMU should use, why, and the nesting facts behind it.</summary>
public sealed record AcceleratorProbeResult
{
    public required AcceleratorKind Kind { get; init; }

    /// <summary>For people: e.g. "no vmx/svm flag in /proc/cpuinfo: using TCG software emulation".</summary>
    public required string Reason { get; init; }

    /// <summary>GenuineIntel, AuthenticAMD, or whatever /proc/cpuinfo says.</summary>
    public required string CpuVendor { get; init; }

    public required string CpuModelName { get; init; }

    public int LogicalProcessorCount { get; init; }

    /// <summary>The nesting-relevant flags present in /proc/cpuinfo, from vmx, ept, svm, npt.</summary>
    public required IReadOnlyList<string> NestingFlags { get; init; }

    public bool KvmDevicePresent { get; init; }

    /// <summary>/proc/cpuinfo has the "hypervisor" flag: this host is itself a virtual machine.</summary>
    public bool RunsInsideVirtualMachine { get; init; }

    /// <summary>The raw kvm_intel/kvm_amd "nested" parameter (Y, N, 1, 0), null when the module is not loaded.</summary>
    public string? NestedParameter { get; init; }

    /// <summary>Where <see cref="NestedParameter"/> was read.</summary>
    public string? NestedParameterPath { get; init; }

    /// <summary>True for Y/1, false for N/0, null when unknown.</summary>
    public bool? NestedEnabled { get; init; }
}
