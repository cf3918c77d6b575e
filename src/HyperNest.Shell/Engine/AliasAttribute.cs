namespace HyperNest.Shell.Engine;

/// <summary>Other names for a parameter (e.g. -VMName for -Name), matched like the parameter's own name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AliasAttribute(params string[] aliases) : Attribute
{
    public IReadOnlyList<string> Aliases { get; } = aliases;
}
