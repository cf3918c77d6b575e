namespace HyperNest.Shell.Language;

/// <summary>
/// A piece of a double-quoted string: literal text, a variable to expand ("$name"), or a subexpression
/// ("$(...)") whose text starts at <see cref="Offset"/> in the script.
/// </summary>
public sealed record StringPart(string? Literal, string? VariableName, string? Subexpression = null, int Offset = 0)
{
    public bool IsExpandable => VariableName is not null || Subexpression is not null;

    public string Source => Literal ?? (VariableName is not null ? "$" + VariableName : "$(" + Subexpression + ")");
}
