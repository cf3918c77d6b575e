using System.Reflection;
using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>
/// A host API that records every call the cmdlets make and answers through <see cref="Answer"/>, which
/// each test area writes for the calls it expects (anything else should refuse, so a cmdlet that reaches
/// further than expected fails its test). <see cref="Refuse"/> makes a method throw a HostException, to see
/// how the cmdlets surface the host's refusals.
/// </summary>
public abstract class RecordingHost : DispatchProxy
{
    public List<(string Method, object?[] Arguments)> Calls { get; } = [];

    /// <summary>Method name → the refusal it throws.</summary>
    public Dictionary<string, HostException> Refuse { get; } = [];

    /// <summary>The calls that change something (everything but Get*), which is what most tests assert.</summary>
    public List<(string Method, object?[] Arguments)> Changes => Calls.Where(c => !c.Method.StartsWith("Get", StringComparison.Ordinal)).ToList();

    /// <summary>The host API and the recorder behind it (the same object).</summary>
    public static (IVirtualizationHost Host, TRecorder Recorder) Create<TRecorder>()
        where TRecorder : RecordingHost
    {
        var host = Create<IVirtualizationHost, TRecorder>();
        return (host, (TRecorder)(object)host);
    }

    protected abstract object? Answer(string method, object?[] arguments);

    /// <summary>Method name → a warning the host raises while that method runs (as the real host warns mid-call).</summary>
    public Dictionary<string, string> WarnDuring { get; } = [];

    private readonly List<EventHandler<string>> _warningHandlers = [];

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod!.Name;
        var arguments = args ?? [];
        switch (name)
        {
            case nameof(IDisposable.Dispose):
                return null;
            case "add_Warning":
                _warningHandlers.Add((EventHandler<string>)arguments[0]!);
                return null;
            case "remove_Warning":
                _warningHandlers.Remove((EventHandler<string>)arguments[0]!);
                return null;
        }

        Calls.Add((name, arguments));
        if (WarnDuring.TryGetValue(name, out var warning))
        {
            _warningHandlers.ToList().ForEach(handler => handler(this, warning));
        }

        return Refuse.TryGetValue(name, out var refusal) ? throw refusal : Answer(name, arguments);
    }
}
