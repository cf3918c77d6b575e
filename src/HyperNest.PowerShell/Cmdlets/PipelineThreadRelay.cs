using System.Collections.Concurrent;

namespace HyperNest.PowerShell.Cmdlets;

/// <summary>
/// PowerShell lets a cmdlet write (WriteProgress, WriteWarning …) only on its pipeline thread, but the
/// host reports some progress from other threads (an image build reads mmdebstrap's output on the thread
/// pool). Writes from other threads wait in a queue; <see cref="Run{T}"/> runs a long host call on a
/// worker and lets the pipeline thread carry the queued writes out while it waits.
/// </summary>
internal sealed class PipelineThreadRelay
{
    private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<Action> _pending = new();
    private int _pipelineThread = -1;

    /// <summary>Called on the pipeline thread before the cmdlet's own code runs.</summary>
    public void EnterPipelineThread()
    {
        _pipelineThread = Environment.CurrentManagedThreadId;
        Flush();
    }

    /// <summary>Runs <paramref name="write"/> now on the pipeline thread, else queues it for the pipeline thread.</summary>
    public void Post(Action write)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            Flush();
            write();
        }
        else
        {
            _pending.Enqueue(write);
        }
    }

    /// <summary>Runs <paramref name="call"/> on a worker; the calling (pipeline) thread writes what it posts until it returns.</summary>
    public T Run<T>(Func<T> call)
    {
        var work = Task.Run(call);
        // The wait handle, unlike Task.Wait, does not throw: the host's own exception (a HostException
        // for the cmdlet to report) comes out of GetResult unwrapped.
        while (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(PumpInterval))
        {
            Flush();
        }

        Flush();
        return work.GetAwaiter().GetResult();
    }

    private void Flush()
    {
        while (_pending.TryDequeue(out var write))
        {
            write();
        }
    }
}
