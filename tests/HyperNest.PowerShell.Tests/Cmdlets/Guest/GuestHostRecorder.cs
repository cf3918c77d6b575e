using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// A recording host that answers the guest calls as told; the guest cmdlets touch nothing else but VM
/// lookup, so every other member refuses. Tests assert <see cref="RecordingHost.Changes"/> (the guest calls).
/// </summary>
public class GuestHostRecorder : RecordingHost
{
    /// <summary>What the guest answers to (VM name, script text).</summary>
    public Func<string, string, GuestCommandResult> Script { get; set; } = (_, _) => new GuestCommandResult(0, "", "");

    public List<VirtualMachine> Vms { get; } = [];

    public static (IVirtualizationHost Host, GuestHostRecorder Recorder) Create() => Create<GuestHostRecorder>();

    public static VirtualMachine Vm(string name, Guid id) => new()
    {
        Name = name,
        Id = id,
        State = VmState.Running,
        Status = "Operating normally",
        Version = "12.0",
    };

    protected override object? Answer(string method, object?[] arguments) => method switch
    {
        nameof(IVirtualizationHost.InvokeCommand) => Script((string)arguments[0]!, (string)arguments[1]!),
        nameof(IVirtualizationHost.CopyFileToGuest) => null,
        nameof(IVirtualizationHost.GetVms) => Vms,
        nameof(IVirtualizationHost.GetVm) => Vms.Single(vm => vm.Name == (string)arguments[0]!),
        _ => throw new NotSupportedException($"{method} is not part of the guest cmdlets' tests"),
    };
}
