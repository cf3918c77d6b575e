using System.Reflection;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// A host API that records the guest calls the cmdlets make and answers them as told; the guest cmdlets
/// touch nothing else but VM lookup, so every other member refuses.
/// </summary>
public class GuestHostRecorder : DispatchProxy
{
    public List<(string Method, object?[] Arguments)> Calls { get; } = [];

    /// <summary>What the guest answers to (VM name, script text).</summary>
    public Func<string, string, GuestCommandResult> Script { get; set; } = (_, _) => new GuestCommandResult(0, "", "");

    public List<VirtualMachine> Vms { get; } = [];

    public static (IVirtualizationHost Host, GuestHostRecorder Recorder) Create()
    {
        var host = Create<IVirtualizationHost, GuestHostRecorder>();
        return (host, (GuestHostRecorder)(object)host);
    }

    public static VirtualMachine Vm(string name, Guid id) => new()
    {
        Name = name,
        Id = id,
        State = VmState.Running,
        Status = "Operating normally",
        Version = "12.0",
    };

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var arguments = args ?? [];
        switch (targetMethod?.Name)
        {
            case nameof(IVirtualizationHost.InvokeCommand):
                Calls.Add((targetMethod.Name, arguments));
                return Script((string)arguments[0]!, (string)arguments[1]!);
            case nameof(IVirtualizationHost.CopyFileToGuest):
                Calls.Add((targetMethod.Name, arguments));
                return null;
            case nameof(IVirtualizationHost.GetVms):
                return Vms;
            case nameof(IVirtualizationHost.GetVm):
                return Vms.Single(vm => vm.Name == (string)arguments[0]!);
            case nameof(IDisposable.Dispose) or "add_Warning" or "remove_Warning":
                return null;
            default:
                throw new NotSupportedException($"{targetMethod?.Name} is not part of the guest cmdlets' tests");
        }
    }
}
