namespace HyperNest.Service;

/// <summary>
/// A service whose home was deleted (a test's temporary home, a home removed by hand) has nothing left to
/// own: it stops instead of lingering with a socket nobody can reach.
/// </summary>
internal static class HomeWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static async Task UntilStoppedOrGoneAsync(string home, string instanceLock, CancellationToken stopping)
    {
        try
        {
            while (Directory.Exists(home) && File.Exists(instanceLock))
            {
                await Task.Delay(Interval, stopping);
            }
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
    }
}
