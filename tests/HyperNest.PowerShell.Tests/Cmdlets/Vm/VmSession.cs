using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>A runspace with the HyperNest module over a <see cref="VmHostRecorder"/>, one per test.</summary>
public abstract class VmSession : IDisposable
{
    protected VmSession()
    {
        var (host, recorder) = VmHostRecorder.Create();
        Host = recorder;
        Session = new PowerShellSession(host);
    }

    protected VmHostRecorder Host { get; }

    protected PowerShellSession Session { get; }

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The only state-changing host call, asserted by name; returns its arguments.</summary>
    protected object?[] SingleChange(string method)
    {
        var change = Assert.Single(Host.Changes);
        Assert.Equal(method, change.Method);
        return change.Arguments;
    }

    protected void Succeeds(string script) => Session.Succeeds(script);
}
