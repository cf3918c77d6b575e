using System.Collections;
using System.Text;
using HyperNest.Shell.Formatting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>Computes the value of arguments and pipeline-head expressions.</summary>
internal sealed class ExpressionEvaluator(ShellSession session, string script, Func<ScriptAst, List<object?>> runSubexpression)
{
    /// <summary>In argument mode, numbers keep their written text for string parameters (see <see cref="NumberArgument"/>).</summary>
    public object? Evaluate(ExpressionAst expression, bool argumentMode) => expression switch
    {
        ConstantAst { Value: string text } => text,
        ConstantAst constant when argumentMode && constant.Value is not null => new NumberArgument(constant.Value, constant.Text),
        ConstantAst constant => constant.Value,
        ExpandableStringAst expandable => Expand(expandable.Parts),
        VariableAst variable => AccessMembers(Variable(variable.Name), variable.MemberPath),
        ArrayLiteralAst array => array.Elements.Select(e => Evaluate(e, argumentMode)).ToArray(),
        SubExpressionAst { AlwaysArray: true } sub => runSubexpression(sub.Script).ToArray(),
        SubExpressionAst sub => PipelineValues.Collapse(runSubexpression(sub.Script)),
        ScriptBlockAst block => new ScriptBlock(block.Text) { SourceScript = script, SourceStart = block.Extent.Start + 1 },
        MemberAccessAst access => AccessMembers(Evaluate(access.Target, argumentMode: false), access.MemberPath),
        _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
    };

    public object? Variable(string name) => name.ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        "NULL" => null,
        var upper when upper.StartsWith("ENV:", StringComparison.Ordinal) => Environment.GetEnvironmentVariable(name[4..]),
        _ => session.Variables.TryGetValue(name, out var value) ? value : null,
    };

    private string Expand(IReadOnlyList<StringPart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(
                part.Literal
                ?? (part.Subexpression is { } inner
                    ? ExpandedValue(PipelineValues.Collapse(runSubexpression(ScriptBlockParser.Parse(new ScriptBlock(inner) { SourceScript = script, SourceStart = part.Offset }))))
                    : ExpandedValue(Variable(part.VariableName!))));
        }

        return text.ToString();
    }

    private static string ExpandedValue(object? value) =>
        value is IEnumerable sequence and not string
            ? string.Join(' ', sequence.Cast<object?>().Select(ValueText.Format))
            : ValueText.Format(value);

    /// <summary>$x[0], $x[-1] (from the end); out of range gives $null; a single object is its own element 0.</summary>
    private static object? Index(object? value, int index)
    {
        var items = value is IEnumerable sequence and not string and not IDictionary ? sequence.Cast<object?>().ToList() : [value];
        var position = index < 0 ? items.Count + index : index;
        return position >= 0 && position < items.Count ? items[position] : null;
    }

    /// <summary>$x.Name; on a collection, the member of each element (PowerShell's member enumeration).</summary>
    private static object? AccessMembers(object? value, IReadOnlyList<string> path)
    {
        foreach (var member in path)
        {
            if (MemberPath.IsIndex(member, out var index))
            {
                value = Index(value, index);
                continue;
            }

            value = Member(value, member);
        }

        return value;
    }

    /// <summary>
    /// A property of the value, or of each element of a collection. Count and Length of a collection are
    /// its size, and of a single object 1 (0 for $null), as PowerShell's intrinsic members are.
    /// </summary>
    private static object? Member(object? value, string member)
    {
        var isSize = member.Equals("Count", StringComparison.OrdinalIgnoreCase) || member.Equals("Length", StringComparison.OrdinalIgnoreCase);
        if (value is IEnumerable sequence and not string and not IDictionary)
        {
            return isSize
                ? sequence.Cast<object?>().Count()
                : sequence.Cast<object?>().Select(item => PropertyAccessor.GetValue(item, member)).ToArray();
        }

        if (PropertyAccessor.TryGetValue(value, member, out var result))
        {
            return result;
        }

        return isSize ? (value is null ? 0 : 1) : null;
    }
}
