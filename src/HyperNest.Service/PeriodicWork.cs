using HyperNest.Service.Logging;

namespace HyperNest.Service;

/// <summary>
/// A round of the service's background work run every <c>interval</c> on a thread of its own (the sampler
/// that keeps Get-VM's live samples current, Dynamic Memory's balancer). A round that fails is logged and
/// the next one runs: a background loop that died would leave the service answering from stale samples.
/// </summary>
internal sealed class PeriodicWork : IAsyncDisposable
{
    private readonly string _name;
    private readonly TimeSpan _interval;
    private readonly Action _round;
    private readonly ServiceLog _log;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public PeriodicWork(string name, TimeSpan interval, Action round, ServiceLog log)
    {
        _name = name;
        _interval = interval;
        _round = round;
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
                _round();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.Error(_name, $"{_name}: {ex.Message}");
            }
        }
        while (!_stopping.Token.WaitHandle.WaitOne(_interval));
    }
}
