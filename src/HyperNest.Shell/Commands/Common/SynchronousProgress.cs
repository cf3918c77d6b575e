using HyperNest.Hosting;

namespace HyperNest.Shell.Commands.Common;

/// <summary>Relays host progress on the calling thread (System.Progress would post it to the thread pool, out of order).</summary>
internal sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
{
    public void Report(ProgressUpdate value) => report(value);
}
