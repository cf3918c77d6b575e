using System.Reflection;
using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>
/// A host API that records every call and answers from <see cref="Answers"/> (method name → answer);
/// a method without an answer does what <see cref="Otherwise"/> says, by default refuse to be part of the test.
/// </summary>
public class HostStub : DispatchProxy
{
    public List<(string Method, object?[] Arguments)> Calls { get; } = [];

    public Dictionary<string, Func<object?[], object?>> Answers { get; } = [];

    public Func<string, object?[], object?> Otherwise { get; set; } =
        (method, _) => throw new NotSupportedException($"{method} is not part of this test");

    public static (IVirtualizationHost Host, HostStub Stub) Create()
    {
        var host = Create<IVirtualizationHost, HostStub>();
        return (host, (HostStub)(object)host);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod!.Name;
        var arguments = args ?? [];
        if (name is nameof(IDisposable.Dispose) or "add_Warning" or "remove_Warning")
        {
            return null;
        }

        Calls.Add((name, arguments));
        return Answers.TryGetValue(name, out var answer) ? answer(arguments) : Otherwise(name, arguments);
    }
}
