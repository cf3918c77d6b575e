namespace HyperNest.Shell.Language;

/// <summary>A piece of a double-quoted string: literal text, or a variable to expand ("$name").</summary>
public sealed record StringPart(string? Literal, string? VariableName);
