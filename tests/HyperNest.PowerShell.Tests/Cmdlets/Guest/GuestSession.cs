using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>A runspace with the HyperNest module over a <see cref="GuestHostRecorder"/>, one per test.</summary>
public abstract class GuestSession : IDisposable
{
    protected GuestSession()
    {
        var (host, recorder) = GuestHostRecorder.Create();
        Host = recorder;
        Session = new PowerShellSession(host);
    }

    protected GuestHostRecorder Host { get; }

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
}
