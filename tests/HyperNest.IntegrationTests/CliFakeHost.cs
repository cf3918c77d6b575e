using System.Reflection;
using HyperNest.Hosting;

namespace HyperNest.IntegrationTests;

/// <summary>
/// An IVirtualizationHost for the CLI's engine-free flags: records every call, answers the members it is
/// given (Dispose answers nothing), and fails the test on any other.
/// </summary>
public class CliFakeHost : DispatchProxy
{
    private IReadOnlyDictionary<string, Func<object?>> _answers = new Dictionary<string, Func<object?>>();

    public List<string> Calls { get; } = [];

    public static IVirtualizationHost Create(IReadOnlyDictionary<string, Func<object?>> answers)
    {
        var host = Create<IVirtualizationHost, CliFakeHost>();
        ((CliFakeHost)(object)host)._answers = answers;
        return host;
    }

    public static IReadOnlyList<string> CallsOf(IVirtualizationHost host) => ((CliFakeHost)(object)host).Calls;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod?.Name ?? "";
        Calls.Add(name);
        return name == "Dispose" ? null
            : _answers.TryGetValue(name, out var answer) ? answer()
            : throw new InvalidOperationException($"The flag must not call {name}.");
    }
}
