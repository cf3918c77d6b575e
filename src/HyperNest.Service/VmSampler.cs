using HyperNest.Hosting;

namespace HyperNest.Service;

/// <summary>
/// Keeps the live samples Get-VM answers from current (IWorkerSupervision.SampleRunningVms): every
/// <see cref="Interval"/>, each running VM's run state, NestedHypervisorActive and heartbeat, probed off the
/// call path. With no VM running a round is one store read.
/// </summary>
internal sealed class VmSampler : IAsyncDisposable
{
    /// <summary>How old a sample may get between rounds (a round under load takes longer).</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly IWorkerSupervision _host;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public VmSampler(IWorkerSupervision host, Action<string> log)
    {
        _host = host;
        _log = log;
    }

    public void Start() => _loop = Task.Factory.StartNew(Loop, TaskCreationOptions.LongRunning);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void Loop()
    {
        do
        {
            try
            {
                _host.SampleRunningVms();
            }
            catch (Exception ex) when (ex is HostException or IOException or TimeoutException or InvalidOperationException)
            {
                _log($"sampler: {ex.Message}");
            }
        }
        while (!_stopping.Token.WaitHandle.WaitOne(Interval));
    }
}
