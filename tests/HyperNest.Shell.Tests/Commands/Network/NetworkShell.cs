using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Tests.Commands.Network;

/// <summary>A shell session over a <see cref="NetworkHostRecorder"/>, with its output and error text captured.</summary>
public abstract class NetworkShell : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _errors = new();
    private readonly ShellSession _session;

    protected NetworkShell()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        Host = recorder;
        _session = new ShellSession(() => host, _out, _errors);
    }

    protected NetworkHostRecorder Host { get; }

    protected string Output => _out.ToString();

    protected string Errors => _errors.ToString();

    public void Dispose()
    {
        _session.Dispose();
        GC.SuppressFinalize(this);
    }

    protected InvocationResult Invoke(string script) => ScriptExecutor.Invoke(script, _session);

    protected ExecutionResult Execute(string script) => ScriptExecutor.Execute(script, _session);

    /// <summary>Runs a line that must succeed.</summary>
    protected InvocationResult Succeeds(string script)
    {
        var result = Invoke(script);
        Assert.True(result.Succeeded, "Script failed: " + string.Join("\n", result.Errors.Select(e => e.Message)));
        return result;
    }

    /// <summary>Runs a line that must fail and returns its first error.</summary>
    protected ErrorRecord Fails(string script)
    {
        var result = Invoke(script);
        Assert.False(result.Succeeded);
        return result.Errors[0];
    }

    /// <summary>The only state-changing host call, asserted by name.</summary>
    protected object?[] SingleChange(string method)
    {
        var change = Assert.Single(Host.Changes);
        Assert.Equal(method, change.Method);
        return change.Arguments;
    }
}
