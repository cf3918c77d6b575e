using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// A recording host that answers the guest calls: PowerShell Direct reaches a <see cref="LocalEndpoint"/>
/// (a real endpoint and real PowerShell servers on this machine); the guest cmdlets touch nothing else but VM
/// lookup, so every other member refuses. Tests assert <see cref="RecordingHost.Changes"/> (the guest calls).
/// </summary>
public class GuestHostRecorder : RecordingHost
{
    /// <summary>The endpoint processes PowerShell Direct started; the session ends them.</summary>
    public List<System.Diagnostics.Process> Endpoints { get; } = [];

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

    /// <summary>A VM the test added keeps its id; any other name is a running VM with a stable made-up one.</summary>
    private Guid IdOf(string name) =>
        Vms.FirstOrDefault(vm => vm.Name == name)?.Id ?? new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    protected override object? Answer(string method, object?[] arguments) => method switch
    {
        nameof(IVirtualizationHost.GetPowerShellDirectTarget) => LocalEndpoint.Target((string)arguments[0]!, IdOf((string)arguments[0]!), Endpoints),
        nameof(IVirtualizationHost.CopyFileToGuest) => null,
        nameof(IVirtualizationHost.GetVms) => Vms,
        nameof(IVirtualizationHost.GetVm) when arguments[0] is Guid id => Vms.Single(vm => vm.Id == id),
        nameof(IVirtualizationHost.GetVm) => Vms.Single(vm => vm.Name == (string)arguments[0]!),
        _ => throw new NotSupportedException($"{method} is not part of the guest cmdlets' tests"),
    };
}
