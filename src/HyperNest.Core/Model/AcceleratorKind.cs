namespace HyperNest.Model;

/// <summary>How QEMU executes guest code: KVM (hardware virtualization) or TCG (software emulation).</summary>
public enum AcceleratorKind
{
    TCG,
    KVM,
}
