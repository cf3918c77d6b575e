using HyperNest.Hosting;

namespace HyperNest.Shell.Engine;

/// <summary>
/// One shell: where output, warnings and progress go, and the host API the cmdlets call.
/// The host is created on first use through the factory, so parsing and Get-Help need no state.
/// </summary>
public sealed class ShellSession : IDisposable
{
    private readonly Func<IVirtualizationHost> _hostFactory;
    private readonly CancellationToken _sessionToken;
    private IVirtualizationHost? _host;
    private CancellationTokenSource _statement;

    public ShellSession(Func<IVirtualizationHost> hostFactory, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        _hostFactory = hostFactory;
        Out = output;
        Error = error;
        _sessionToken = cancellationToken;
        _statement = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public IVirtualizationHost Host => _host ??= CreateHost();

    /// <summary>The commands this shell can run; add assemblies with <see cref="CommandTable.RegisterAssembly"/>.</summary>
    public CommandTable Commands { get; set; } = CommandTable.CreateDefault();

    /// <summary>Shell variables ($name), case-insensitive; $true, $false and $null are built in.</summary>
    public IDictionary<string, object?> Variables { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exit code of the last external program ($LASTEXITCODE).</summary>
    public int LastExitCode
    {
        get => Variables.TryGetValue("LASTEXITCODE", out var value) && value is int code ? code : 0;
        set => Variables["LASTEXITCODE"] = value;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Cancelled when the session's token is, or when <see cref="CancelCurrentStatement"/> stops the running statement.</summary>
    public CancellationToken CancellationToken => _statement.Token;

    /// <summary>
    /// When true (the CLI on a real terminal), an external program that ends a top-level statement
    /// writes straight to the console (so it gets a TTY) instead of through <see cref="Out"/>.
    /// </summary>
    public bool ExternalProgramsUseConsole { get; set; }

    /// <summary>Terminal width for tables (columns beyond it are cut or dropped); null means no limit (files, pipes, tests).</summary>
    public int? ConsoleWidth { get; set; }

    /// <summary>Stops the running statement (Ctrl+C); the next statement runs normally.</summary>
    public void CancelCurrentStatement() => _statement.Cancel();

    /// <summary>Called before each statement: a statement cancelled with Ctrl+C does not cancel the next one.</summary>
    internal void ResetStatementCancellation()
    {
        if (_statement.IsCancellationRequested && !_sessionToken.IsCancellationRequested)
        {
            _statement.Dispose();
            _statement = CancellationTokenSource.CreateLinkedTokenSource(_sessionToken);
        }
    }

    /// <summary>Show progress bars (interactive terminal); otherwise progress prints as plain lines to Error.</summary>
    public bool InteractiveProgress { get; set; }

    public bool VerboseEnabled { get; set; }

    public void WriteWarning(string message) => Error.WriteLine($"WARNING: {message}");

    public void WriteVerbose(string message)
    {
        if (VerboseEnabled)
        {
            Error.WriteLine($"VERBOSE: {message}");
        }
    }

    public void WriteProgress(ProgressUpdate update)
    {
        var percent = update.PercentComplete >= 0 ? $" [{update.PercentComplete,3}%]" : "";
        Error.WriteLine($"{update.Activity}{percent} {update.Status}");
    }

    private IVirtualizationHost CreateHost()
    {
        var host = _hostFactory();
        host.Warning += (_, message) => WriteWarning(message);
        return host;
    }

    public void Dispose()
    {
        _host?.Dispose();
        _statement.Dispose();
    }
}
