using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>
/// A host API that records every call and answers from <see cref="Answers"/> (method name → answer);
/// a method without an answer does what <see cref="Otherwise"/> says, by default refuse to be part of the test.
/// </summary>
public class HostStub : RecordingHost
{
    public Dictionary<string, Func<object?[], object?>> Answers { get; } = [];

    public Func<string, object?[], object?> Otherwise { get; set; } =
        (method, _) => throw new NotSupportedException($"{method} is not part of this test");

    public static (IVirtualizationHost Host, HostStub Stub) Create() => Create<HostStub>();

    protected override object? Answer(string method, object?[] arguments) =>
        Answers.TryGetValue(method, out var answer) ? answer(arguments) : Otherwise(method, arguments);
}
