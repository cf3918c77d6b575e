using System.Collections;

namespace HyperNest.Remoting;

/// <summary>
/// A PowerShell Direct server serves one session after another (a new engine costs many seconds under TCG),
/// but environment variables and the working directory belong to the process, not to a session. The server
/// records them when it starts (<see cref="Capture"/>) and every session's start puts them back
/// (<see cref="Restore"/>, in <see cref="SessionServer.SessionStartCommand"/>), so a session never sees what
/// an earlier one set, as if its server were new.
/// </summary>
public static class SessionServerState
{
    private static Dictionary<string, string>? _environment;
    private static string? _directory;

    public static void Capture()
    {
        _environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
        _directory = Environment.CurrentDirectory;
    }

    public static void Restore()
    {
        if (_environment is null)
        {
            return;
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(name => !_environment.ContainsKey(name)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in _environment)
        {
            if (Environment.GetEnvironmentVariable(name) != value)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Environment.CurrentDirectory = _directory;
        }
    }
}
