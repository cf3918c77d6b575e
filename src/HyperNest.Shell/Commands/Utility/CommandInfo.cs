namespace HyperNest.Shell.Commands.Utility;

/// <summary>One row of Get-Command.</summary>
public sealed record CommandInfo(string CommandType, string Name, string? Synopsis, string? Definition = null);
