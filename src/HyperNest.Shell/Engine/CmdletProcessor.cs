using HyperNest.Hosting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>Runs a cmdlet: binds it, then calls its processing methods, turning HostException into non-terminating errors.</summary>
internal sealed class CmdletProcessor : CommandProcessor
{
    private readonly ExecutionContext _context;
    private readonly Cmdlet _cmdlet;
    private readonly ParameterBinder _binder;
    private readonly CommandRuntime _runtime;
    private readonly Func<IReadOnlyList<CommandArgument>> _arguments;
    private readonly bool _expectsPipelineInput;
    private readonly Extent _extent;

    public CmdletProcessor(
        ExecutionContext context,
        CmdletInfo info,
        Extent extent,
        Func<IReadOnlyList<CommandArgument>> arguments,
        bool expectsPipelineInput,
        Func<ScriptBlock, object?, List<object?>> invokeScript)
    {
        _context = context;
        _extent = extent;
        _arguments = arguments;
        _expectsPipelineInput = expectsPipelineInput;
        _cmdlet = info.CreateInstance();
        _binder = new ParameterBinder(info, _cmdlet, info.Name, extent);
        _runtime = new CommandRuntime(context.Session, info.Name, info.DefaultSetName, _binder.BoundParameters, value => Downstream(value), WriteError);
        _runtime.InvokeScript = invokeScript;
        _cmdlet.Runtime = _runtime;
    }

    public override void Begin()
    {
        var arguments = _arguments();
        try
        {
            _binder.BindCommandLine(arguments, _expectsPipelineInput);
        }
        catch (ShellException ex)
        {
            throw new ShellException(RunTogetherCommands.AddHint(ex.Record, arguments, _context.Session.Commands));
        }

        _runtime.ParameterSetName = _binder.ParameterSetName;
        _runtime.Common = _binder.Common;
        if (_binder.Common.WhatIf)
        {
            throw BindingErrors.Create(_runtime.CommandName, "WhatIfNotSupported",
                "HyperNest does not support -WhatIf yet; nothing was changed. Run the command without -WhatIf to make the change.", _extent, ErrorCategory.NotImplemented);
        }

        Invoke(_cmdlet.BeginProcessing);
    }

    public override void Process(object? input)
    {
        var failure = _binder.BindPipelineInput(input);
        if (failure is not null)
        {
            WriteError(failure);
            return;
        }

        _runtime.ParameterSetName = _binder.ParameterSetName;
        Invoke(_cmdlet.ProcessRecord);
    }

    public override void ProcessWithoutInput() => Invoke(_cmdlet.ProcessRecord);

    public override void End() => Invoke(_cmdlet.EndProcessing);

    private void Invoke(Action step)
    {
        try
        {
            step();
        }
        catch (HostException ex)
        {
            WriteError(ErrorRecord.FromHostException(ex, _runtime.CommandName));
        }
        catch (ShellException ex) when (ex.Record.Extent is null)
        {
            throw new ShellException(ex.Record with { Extent = _extent, CommandName = ex.Record.CommandName ?? _runtime.CommandName });
        }
        catch (Exception ex) when (ex is not (ShellException or ExitException or OperationCanceledException))
        {
            // A cmdlet bug or an unexpected platform failure: terminating, but attributed to the cmdlet.
            throw new ShellException(new ErrorRecord(ex.Message, ErrorCategory.NotSpecified, ex.GetType().Name, null, _runtime.CommandName, ex) { Extent = _extent });
        }
    }

    private void WriteError(ErrorRecord record)
    {
        var positioned = record with { Extent = record.Extent ?? _extent };
        switch (Preferences.Effective(_binder.Common.ErrorAction, _context.Session, "ErrorActionPreference"))
        {
            case ActionPreference.SilentlyContinue or ActionPreference.Ignore:
                return;
            case ActionPreference.Stop:
                throw new ShellException(positioned);
            default:
                _context.ReportError(positioned);
                return;
        }
    }
}
