namespace HyperNest.Shell.Language;

/// <summary>A parsed script or subexpression: statements separated by newlines or ';'.</summary>
public sealed record ScriptAst(IReadOnlyList<StatementAst> Statements, Extent Extent);

public abstract record StatementAst(Extent Extent);

/// <summary>Commands joined by '|'. The first element may be an expression ("a","b" | Write-Output).</summary>
public sealed record PipelineAst(IReadOnlyList<PipelineElementAst> Elements, Extent Extent) : StatementAst(Extent);

/// <summary>$name = pipeline.</summary>
public sealed record AssignmentAst(string VariableName, PipelineAst Value, Extent Extent) : StatementAst(Extent);

public abstract record PipelineElementAst(Extent Extent);

/// <summary>A command invocation: its name and its parameters and arguments in the order written.</summary>
public sealed record CommandAst(string Name, IReadOnlyList<CommandElementAst> Elements, Extent Extent) : PipelineElementAst(Extent);

/// <summary>An expression used as a pipeline element, producing the pipeline's input.</summary>
public sealed record CommandExpressionAst(ExpressionAst Expression, Extent Extent) : PipelineElementAst(Extent);

public abstract record CommandElementAst(Extent Extent);

/// <summary>-Name, or -Name:value when <see cref="Argument"/> is set.</summary>
public sealed record CommandParameterAst(string Name, ExpressionAst? Argument, Extent Extent) : CommandElementAst(Extent)
{
    /// <summary>The parameter as the user typed it, with an ASCII dash (passed as-is to external programs).</summary>
    public string Text => Argument is null ? "-" + Name : "-" + Name + ":";
}

public sealed record CommandArgumentAst(ExpressionAst Value, Extent Extent) : CommandElementAst(Extent);

public abstract record ExpressionAst(Extent Extent);

/// <summary>A number or a string with nothing to expand. <see cref="Text"/> is how a number was written ("8.0").</summary>
public sealed record ConstantAst(object? Value, string Text, Extent Extent) : ExpressionAst(Extent);

public sealed record ExpandableStringAst(IReadOnlyList<StringPart> Parts, Extent Extent) : ExpressionAst(Extent);

/// <summary>$name, optionally with member access ($_.State).</summary>
public sealed record VariableAst(string Name, IReadOnlyList<string> MemberPath, Extent Extent) : ExpressionAst(Extent);

/// <summary>a,b,c.</summary>
public sealed record ArrayLiteralAst(IReadOnlyList<ExpressionAst> Elements, Extent Extent) : ExpressionAst(Extent);

/// <summary>(pipeline), $(statements) or @(statements).</summary>
public sealed record SubExpressionAst(ScriptAst Script, bool AlwaysArray, Extent Extent) : ExpressionAst(Extent);

/// <summary>{ ... } kept as text for the cmdlets that take script blocks.</summary>
public sealed record ScriptBlockAst(string Text, Extent Extent) : ExpressionAst(Extent);

/// <summary>(expression).Name.Other: member access on a parenthesized value; on a collection, of each element.</summary>
public sealed record MemberAccessAst(ExpressionAst Target, IReadOnlyList<string> MemberPath, Extent Extent) : ExpressionAst(Extent);
