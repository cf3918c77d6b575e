using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>A runspace with the HyperNest module over a <see cref="NetworkHostRecorder"/>, one per test.</summary>
public abstract class NetworkSession : IDisposable
{
    protected NetworkSession()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        Host = recorder;
        Session = new PowerShellSession(host);
    }

    protected NetworkHostRecorder Host { get; }

    protected PowerShellSession Session { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Session.Dispose();
        }
    }

    /// <summary>The only state-changing host call, asserted by name; returns its arguments.</summary>
    protected object?[] SingleChange(string method)
    {
        var change = Assert.Single(Host.Changes);
        Assert.Equal(method, change.Method);
        return change.Arguments;
    }
}
