using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// A runspace with the HyperNest module over a <see cref="GuestHostRecorder"/>, one per test; it ends the
/// PowerShell Direct endpoints (and their servers) the test started.
/// </summary>
public abstract class GuestSession : RecorderSession<GuestHostRecorder>
{
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            lock (Host.Endpoints)
            {
                foreach (var endpoint in Host.Endpoints)
                {
                    endpoint.Kill(entireProcessTree: true);
                    endpoint.WaitForExit();
                    endpoint.Dispose();
                }
            }
        }
    }
}
