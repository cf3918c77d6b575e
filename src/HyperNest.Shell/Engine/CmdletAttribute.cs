namespace HyperNest.Shell.Engine;

/// <summary>Marks a class as the cmdlet Verb-Noun (PowerShell's CmdletAttribute).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CmdletAttribute(string verb, string noun) : Attribute
{
    public string Verb { get; } = verb;

    public string Noun { get; } = noun;

    public string Name => $"{Verb}-{Noun}";

    public string? DefaultParameterSetName { get; init; }

    /// <summary>One line for Get-Help and Get-Command.</summary>
    public string? Synopsis { get; init; }
}
