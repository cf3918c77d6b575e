using HyperNest.Hosting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>The 'exit [code]' statement.</summary>
internal sealed class ExitProcessor(ExpressionEvaluator evaluator, CommandAst command) : CommandProcessor
{
    public override void Begin()
    {
    }

    public override void Process(object? input)
    {
    }

    public override void ProcessWithoutInput()
    {
        var code = 0;
        if (command.Elements is [CommandArgumentAst argument])
        {
            code = ArgumentConverter.TryConvert(evaluator.Evaluate(argument.Value, argumentMode: true), typeof(int), out var value)
                ? (int)value!
                : throw new ShellException(new ErrorRecord("exit takes a whole number exit code, e.g. 'exit 1'.", ErrorCategory.InvalidArgument, "InvalidExitCode") { Extent = command.Extent });
        }
        else if (command.Elements.Count > 0)
        {
            throw new ShellException(new ErrorRecord("exit takes at most one argument, the exit code.", ErrorCategory.InvalidArgument, "InvalidExitCode") { Extent = command.Extent });
        }

        throw new ExitException(code);
    }

    public override void End()
    {
    }
}
