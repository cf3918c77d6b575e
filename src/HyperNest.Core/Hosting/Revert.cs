namespace HyperNest.Hosting;

/// <summary>
/// Undo steps for a change made of several kernel actions (after Incus's revert helper): each action
/// that succeeded registers how to undo itself; unless <see cref="Success"/> is called, disposing runs
/// the undo steps newest first, so a failure halfway leaves no bridge, tap, address or rule behind.
/// </summary>
internal sealed class Revert(Action<string> warn) : IDisposable
{
    private readonly List<(string What, Action Undo)> _steps = [];
    private bool _succeeded;

    public void Add(string what, Action undo) => _steps.Add((what, undo));

    public void Success() => _succeeded = true;

    public void Dispose()
    {
        if (_succeeded)
        {
            return;
        }

        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            try
            {
                _steps[i].Undo();
            }
            catch (Exception ex) when (ex is NetworkBackendException or IOException)
            {
                // The original failure is what the caller must see; a failed undo is reported beside it.
                warn($"Undoing '{_steps[i].What}' after a failure did not work either: {ex.Message}");
            }
        }
    }
}
