namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>A runspace with the HyperNest module over a fresh <typeparamref name="TRecorder"/>, one per test.</summary>
public abstract class RecorderSession<TRecorder> : IDisposable
    where TRecorder : RecordingHost
{
    protected RecorderSession()
    {
        var (host, recorder) = RecordingHost.Create<TRecorder>();
        Host = recorder;
        Session = new PowerShellSession(host);
    }

    protected TRecorder Host { get; }

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
