using HyperNest.Model;

namespace HyperNest.Qemu;

/// <summary>The -cpu value: what decides whether a guest can run a hypervisor of its own.</summary>
public static class QemuCpuArgument
{
    public static string For(AcceleratorKind accelerator, bool exposeVirtualizationExtensions) => accelerator switch
    {
        // "host" passes the host's vmx/svm through (nesting also needs kvm_intel/kvm_amd nested=Y).
        AcceleratorKind.KVM => exposeVirtualizationExtensions ? "host" : "host,-vmx,-svm",

        // TCG emulates AMD SVM with nested paging but not Intel VMX. qemu64 already carries svm, so
        // hiding it needs an explicit -svm. Verified: a Debian guest loads kvm_amd and boots an L2.
        AcceleratorKind.TCG => exposeVirtualizationExtensions ? "qemu64,+svm,+npt" : "qemu64,-svm",
        _ => throw new ArgumentOutOfRangeException(nameof(accelerator), accelerator, "unknown accelerator"),
    };
}
