namespace HyperNest.Shell.Engine;

/// <summary>Marks a property as a cmdlet parameter (PowerShell's ParameterAttribute). Several may appear, one per parameter set.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ParameterAttribute : Attribute
{
    public const string AllParameterSets = "__AllParameterSets";

    public string ParameterSetName { get; init; } = AllParameterSets;

    public bool Mandatory { get; init; }

    /// <summary>Position among positional arguments; -1 means named only.</summary>
    public int Position { get; init; } = -1;

    public bool ValueFromPipeline { get; init; }

    public bool ValueFromPipelineByPropertyName { get; init; }

    /// <summary>
    /// Collects every positional argument no positional parameter takes (PowerShell's
    /// ValueFromRemainingArguments), so a cmdlet such as netsh can parse its own grammar.
    /// </summary>
    public bool ValueFromRemainingArguments { get; init; }

    public string? HelpMessage { get; init; }
}
