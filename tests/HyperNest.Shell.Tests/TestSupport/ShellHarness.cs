using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Tests.TestSupport;

/// <summary>A shell session with captured output and the test cmdlets registered; it has no host API.</summary>
internal sealed class ShellHarness : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public ShellHarness()
    {
        Session = new ShellSession(() => throw new InvalidOperationException("Shell tests have no host."), _out, _error);
        Session.Commands.RegisterAssembly(typeof(ShellHarness).Assembly);
    }

    public ShellSession Session { get; }

    public string Output => _out.ToString();

    public string Errors => _error.ToString();

    public InvocationResult Invoke(string script) => ScriptExecutor.Invoke(script, Session);

    public ExecutionResult Execute(string script, ExecutionOptions? options = null) => ScriptExecutor.Execute(script, Session, options: options);

    /// <summary>Runs a script that must succeed and returns its single output object.</summary>
    public T Single<T>(string script)
    {
        var result = Invoke(script);
        Assert.True(result.Succeeded, "Script failed: " + Errors);
        return Assert.IsType<T>(Assert.Single(result.Output));
    }

    /// <summary>Runs a script that must fail and returns its first error record.</summary>
    public ErrorRecord FirstError(string script)
    {
        var result = Invoke(script);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors.Take(1));
    }

    public void Dispose() => Session.Dispose();
}
