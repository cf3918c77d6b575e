using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Start", "Sleep", DefaultParameterSetName = "Seconds", Synopsis = "Waits the given seconds (or -Milliseconds); Ctrl+C stops the wait.")]
public sealed class StartSleepCommand : Cmdlet
{
    [Parameter(ParameterSetName = "Seconds", Position = 0, Mandatory = true)]
    public double Seconds { get; set; }

    [Parameter(ParameterSetName = "Milliseconds", Mandatory = true)]
    public int Milliseconds { get; set; }

    protected internal override void ProcessRecord()
    {
        var delay = ParameterSetName == "Milliseconds" ? TimeSpan.FromMilliseconds(Milliseconds) : TimeSpan.FromSeconds(Seconds);
        if (delay < TimeSpan.Zero)
        {
            ThrowParameterError("The time to sleep cannot be negative.");
        }

        CancellationToken.WaitHandle.WaitOne(delay);
        CancellationToken.ThrowIfCancellationRequested();
    }
}
