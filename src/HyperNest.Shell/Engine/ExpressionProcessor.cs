using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>An expression at the head of a pipeline: its value, enumerated, is the pipeline's input.</summary>
internal sealed class ExpressionProcessor(ExpressionEvaluator evaluator, ExpressionAst expression) : CommandProcessor
{
    public override void Begin()
    {
    }

    public override void Process(object? input)
    {
    }

    public override void ProcessWithoutInput()
    {
        foreach (var item in PipelineValues.Enumerate(evaluator.Evaluate(expression, argumentMode: false)))
        {
            Downstream(item);
        }
    }

    public override void End()
    {
    }
}
