using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using HyperNest.Hosting;
using HyperNest.PowerShell.Hosting;

namespace HyperNest.PowerShell.Cmdlets;

/// <summary>
/// Base of every HyperNest cmdlet. A cmdlet only translates its parameters to the host API
/// (<see cref="Virtualization"/>) and writes what comes back; every rule lives behind that seam. A
/// <see cref="HostException"/> from one pipeline input becomes that input's non-terminating error (as
/// Hyper-V's cmdlets report one VM's failure and go on with the next); the host's warnings and progress
/// go to PowerShell's streams on the pipeline thread.
/// </summary>
public abstract class HyperNestCmdlet : PSCmdlet
{
    /// <summary>
    /// Per runspace, the HyperNest cmdlets inside their ProcessRecord or EndProcessing, innermost on top. In
    /// `Get-VM | Start-VM` Get-VM is still in its own code (writing output) while Start-VM runs, and both
    /// listen to the runspace's one host: a warning belongs to the innermost, the cmdlet whose call raised
    /// it. PowerShell refuses a write from any other ("WriteObject and WriteError methods cannot be called
    /// from outside the overrides…"), which stopped such a pipeline after its first input.
    /// </summary>
    private static readonly ConditionalWeakTable<object, Stack<HyperNestCmdlet>> Executing = new();

    private readonly CancellationTokenSource _stopping = new();
    private readonly PipelineThreadRelay _relay = new();
    private IVirtualizationHost? _host;
    private Stack<HyperNestCmdlet>? _executing;

    /// <summary>The host API of this runspace (HyperNest's IVirtualizationHost).</summary>
    protected IVirtualizationHost Virtualization => _host ??= Connect();

    /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>
    /// Runs a long host call that reports progress from other threads (image builds, New-VM -Image) on a
    /// worker, while this thread writes its progress and warnings as they come.
    /// </summary>
    protected T WithProgress<T>(Func<IVirtualizationHost, IProgress<HyperNest.Hosting.ProgressUpdate>, T> call)
    {
        // Resolved here: the host belongs to this thread's runspace, which the worker does not see.
        var host = Virtualization;
        var progress = new RelayedProgress(update => _relay.Post(() =>
            WriteProgress(new ProgressRecord(0, update.Activity, update.Status) { PercentComplete = update.PercentComplete })));
        return _relay.Run(() => call(host, progress));
    }

    protected sealed override void ProcessRecord()
    {
        _relay.EnterPipelineThread();
        using var _ = EnterOwnCode();
        try
        {
            Process();
        }
        catch (HostException ex)
        {
            WriteError(ex);
        }
    }

    protected override void EndProcessing()
    {
        _relay.EnterPipelineThread();
        using var _ = EnterOwnCode();
        try
        {
            End();
        }
        catch (HostException ex)
        {
            WriteError(ex);
        }
        finally
        {
            Disconnect();
        }
    }

    /// <summary>Puts this cmdlet on top of its runspace's <see cref="Executing"/> stack until disposed.</summary>
    private OwnCode EnterOwnCode()
    {
        // The runspace is the pipeline thread's; a cmdlet invoked without one has a stack of its own.
        _executing ??= Executing.GetValue(Runspace.DefaultRunspace ?? (object)this, _ => new Stack<HyperNestCmdlet>());
        lock (_executing)
        {
            _executing.Push(this);
        }

        return new OwnCode(_executing);
    }

    private bool IsInnermost()
    {
        if (_executing is not { } executing)
        {
            return false;
        }

        lock (executing)
        {
            return executing.TryPeek(out var top) && top == this;
        }
    }

    private readonly struct OwnCode(Stack<HyperNestCmdlet> executing) : IDisposable
    {
        public void Dispose()
        {
            lock (executing)
            {
                executing.Pop();
            }
        }
    }

    protected override void StopProcessing()
    {
        _stopping.Cancel();
        Disconnect();
    }

    /// <summary>Called once per pipeline input (once without input).</summary>
    protected virtual void Process()
    {
    }

    /// <summary>Called once after the last input.</summary>
    protected virtual void End()
    {
    }

    /// <summary>The name the cmdlet was invoked as, e.g. "Get-VM".</summary>
    protected string CommandName => MyInvocation.MyCommand.Name;

    protected void WriteObjects<T>(IEnumerable<T> values) => WriteObject(values, enumerateCollection: true);

    /// <summary>An error record about <paramref name="target"/> whose exception carries <paramref name="message"/>.</summary>
    protected static ErrorRecord CreateError(string message, ErrorCategory category, string errorId, object? target) =>
        new(new InvalidOperationException(message), errorId, category, target);

    /// <summary>Writes a refused or failed host action as a non-terminating error with Hyper-V's id and category.</summary>
    protected void WriteError(HostException ex) => WriteError(HostErrorRecords.From(ex));

    /// <summary>
    /// Stops the pipeline with <paramref name="record"/>. ThrowTerminatingError never returns, but the
    /// compiler cannot know that, so callers write <c>throw Terminate(record)</c>.
    /// </summary>
    protected Exception Terminate(ErrorRecord record)
    {
        ThrowTerminatingError(record);
        return new UnreachableException();
    }

    /// <summary>A terminating InvalidArgument error about a parameter, for checks the binder cannot express.</summary>
    [DoesNotReturn]
    protected void ThrowParameterError(string message, string errorId = "InvalidParameter", object? target = null)
    {
        throw Terminate(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
    }

    /// <summary>Says that a Hyper-V parameter was accepted but means nothing on Linux, never silently.</summary>
    protected void WarnIgnored(string parameterName, string why)
    {
        if (IsBound(parameterName))
        {
            WriteWarning($"-{parameterName} has no effect on HyperNest: {why}");
        }
    }

    /// <summary>True when the user gave the parameter (by name, position or pipeline).</summary>
    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    private bool _yesToAll;
    private bool _noToAll;

    /// <summary>
    /// Hyper-V's "Are you sure…?" before a deletion (Remove-VM, Remove-VMSwitch), which -Force skips; Yes to
    /// All and No to All hold for the rest of the pipeline. A host that cannot ask (hypernest -NonInteractive)
    /// fails the command, as on Windows: scripts pass -Force.
    /// </summary>
    protected bool ConfirmUnlessForced(bool force, string query) =>
        force || ShouldContinue(query, "Confirm", ref _yesToAll, ref _noToAll);

    private IVirtualizationHost Connect()
    {
        var host = HostConnection.ForCurrentRunspace();
        host.Warning += OnHostWarning;
        return host;
    }

    private void Disconnect()
    {
        if (_host is not null)
        {
            _host.Warning -= OnHostWarning;
        }
    }

    private void OnHostWarning(object? sender, string message)
    {
        if (IsInnermost())
        {
            _relay.Post(() => WriteWarning(message));
        }
    }

    /// <summary>Not System.Progress, which would post to the thread pool and reorder the updates.</summary>
    private sealed class RelayedProgress(Action<HyperNest.Hosting.ProgressUpdate> report) : IProgress<HyperNest.Hosting.ProgressUpdate>
    {
        public void Report(HyperNest.Hosting.ProgressUpdate value) => report(value);
    }
}
