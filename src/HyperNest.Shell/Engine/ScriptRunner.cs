using HyperNest.Hosting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>Runs statements and pipelines of a parsed script against a session.</summary>
internal sealed class ScriptRunner
{
    private readonly ExecutionContext _context;
    private readonly ExpressionEvaluator _evaluator;

    public ScriptRunner(ExecutionContext context)
    {
        _context = context;
        _evaluator = new ExpressionEvaluator(context.Session, context.Script, RunToList);
    }

    /// <summary>An external program ending a top-level statement inherits the console (see <see cref="ShellSession.ExternalProgramsUseConsole"/>).</summary>
    public bool TopLevelOutputIsConsole { get; init; }

    /// <summary>Runs a statement of the script itself; <paramref name="flush"/> prints pending output before a console program starts.</summary>
    public void RunTopLevel(StatementAst statement, Action<object?> sink, Action flush) =>
        RunStatement(statement, sink, TopLevelOutputIsConsole ? flush : null);

    /// <summary>Runs one statement, sending what its last command writes to <paramref name="sink"/>.</summary>
    public void RunStatement(StatementAst statement, Action<object?> sink, Action? consoleHandOff = null)
    {
        switch (statement)
        {
            case AssignmentAst assignment:
                var values = new List<object?>();
                RunPipeline(assignment.Value, values.Add, null);
                _context.Session.Variables[assignment.VariableName] = PipelineValues.Collapse(values);
                break;
            case PipelineAst pipeline:
                RunPipeline(pipeline, sink, consoleHandOff);
                break;
        }
    }

    /// <summary>Runs a script block's statements with $_ (and $PSItem) set to <paramref name="input"/>; returns their output.</summary>
    public List<object?> InvokeScriptBlock(ScriptBlock block, object? input)
    {
        var ast = ScriptBlockParser.Parse(block);
        var variables = _context.Session.Variables;
        var saved = (variables.TryGetValue("_", out var underscore), underscore);
        variables["_"] = input;
        variables["PSItem"] = input;
        try
        {
            return RunToList(ast);
        }
        finally
        {
            if (saved.Item1)
            {
                variables["_"] = saved.underscore;
                variables["PSItem"] = saved.underscore;
            }
            else
            {
                variables.Remove("_");
                variables.Remove("PSItem");
            }
        }
    }

    private List<object?> RunToList(ScriptAst script)
    {
        var values = new List<object?>();
        foreach (var statement in script.Statements)
        {
            RunStatement(statement, values.Add);
        }

        return values;
    }

    private void RunPipeline(PipelineAst pipeline, Action<object?> sink, Action? consoleHandOff)
    {
        var last = pipeline.Elements.Count - 1;
        var processors = pipeline.Elements.Select((element, index) => Create(element, index > 0, index == last ? consoleHandOff : null)).ToList();
        for (var i = 0; i < processors.Count - 1; i++)
        {
            processors[i].Downstream = processors[i + 1].Process;
        }

        processors[^1].Downstream = sink;
        foreach (var processor in processors)
        {
            _context.Session.CancellationToken.ThrowIfCancellationRequested();
            processor.Begin();
        }

        processors[0].ProcessWithoutInput();
        foreach (var processor in processors)
        {
            processor.End();
        }
    }

    private CommandProcessor Create(PipelineElementAst element, bool hasUpstream, Action? consoleHandOff)
    {
        if (element is CommandExpressionAst expression)
        {
            return new ExpressionProcessor(_evaluator, expression.Expression);
        }

        var command = (CommandAst)element;
        if (command.Name.Equals("exit", StringComparison.OrdinalIgnoreCase))
        {
            return new ExitProcessor(_evaluator, command);
        }

        IReadOnlyList<CommandArgument> Arguments() => command.Elements.Select(EvaluateElement).ToList();
        if (_context.Session.Commands.Find(command.Name) is { } cmdlet)
        {
            return new CmdletProcessor(_context, cmdlet, command.Extent, Arguments, hasUpstream, InvokeScriptBlock);
        }

        if (ExternalCommand.Resolve(command.Name) is { } path)
        {
            return new ExternalProcessor(_context, path, Arguments, consoleHandOff);
        }

        throw new ShellException(new ErrorRecord(
            $"The term '{command.Name}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            ErrorCategory.ObjectNotFound,
            "CommandNotFoundException",
            command.Name)
        { Extent = new Extent(command.Extent.Start, command.Extent.Start + command.Name.Length, command.Extent.Line, command.Extent.Column), Reason = "CommandNotFoundException" });
    }

    private CommandArgument EvaluateElement(CommandElementAst element) => element switch
    {
        CommandParameterAst { Argument: null } parameter => CommandArgument.Parameter(parameter.Name, parameter.Extent),
        CommandParameterAst parameter => CommandArgument.ParameterWithValue(parameter.Name, _evaluator.Evaluate(parameter.Argument, argumentMode: true), parameter.Extent),
        CommandArgumentAst argument => CommandArgument.Positional(_evaluator.Evaluate(argument.Value, argumentMode: true), argument.Extent),
        _ => throw new InvalidOperationException($"Unknown command element {element.GetType().Name}."),
    };
}
