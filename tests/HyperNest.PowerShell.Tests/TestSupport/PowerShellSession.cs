using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using HyperNest.Hosting;
using HyperNest.PowerShell.Hosting;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>
/// A real PowerShell runspace with the HyperNest module imported from its manifest (as a user's pwsh
/// would with Import-Module) and <paramref name="host"/> as its host API.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    public static string ModuleManifest => ModuleLayout.Manifest(AppContext.BaseDirectory);

    private readonly Runspace _runspace;

    public PowerShellSession(IVirtualizationHost host)
    {
        var state = InitialSessionState.CreateDefault();
        state.ImportPSModule(ModuleManifest);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        HostConnection.Attach(_runspace, host);
    }

    /// <summary>
    /// The error stream of the last <see cref="Invoke"/>: its non-terminating errors, and the statement-terminating
    /// ones (binding errors, ThrowTerminatingError) that stop one statement while the script goes on.
    /// </summary>
    public IReadOnlyList<ErrorRecord> Errors { get; private set; } = [];

    /// <summary>The warning stream of the last <see cref="Invoke"/>.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The progress stream of the last <see cref="Invoke"/>.</summary>
    public IReadOnlyList<ProgressRecord> Progress { get; private set; } = [];

    /// <summary>Runs a script; returns its output objects. Terminating errors throw (RuntimeException and kin).</summary>
    public Collection<PSObject> Invoke(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create(_runspace);
        shell.AddScript(script);
        try
        {
            return shell.Invoke();
        }
        finally
        {
            // Copied before the shell is disposed: disposing it empties its streams.
            Errors = shell.Streams.Error.ToList();
            Warnings = shell.Streams.Warning.Select(w => w.Message).ToList();
            Progress = shell.Streams.Progress.ToList();
        }
    }

    /// <summary>Runs a script and returns its output as PowerShell formats it (Out-String, 120 columns).</summary>
    public string InvokeText(string script) =>
        string.Concat(Invoke($"& {{ {script} }} | Out-String -Width 120").Select(o => o.BaseObject as string));

    /// <summary>The base objects of the output, cast to <typeparamref name="T"/>.</summary>
    public List<T> InvokeAs<T>(string script) => Invoke(script).Select(o => (T)o.BaseObject).ToList();

    /// <summary>Runs a script that must write no error; returns the base objects of its output (null for a $null written).</summary>
    public List<object?> Succeeds(string script)
    {
        var output = Invoke(script);
        Assert.True(Errors.Count == 0, "The script wrote errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        return output.Select(o => o?.BaseObject).ToList();
    }

    /// <summary>Runs a script that must write at least one error (without throwing); returns the first.</summary>
    public ErrorRecord Fails(string script)
    {
        Invoke(script);
        Assert.NotEmpty(Errors);
        return Errors[0];
    }

    public void Dispose() => _runspace.Dispose();
}
