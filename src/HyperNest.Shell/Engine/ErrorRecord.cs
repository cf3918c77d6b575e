using HyperNest.Hosting;

namespace HyperNest.Shell.Engine;

/// <summary>
/// A PowerShell-style error record: message, CategoryInfo and FullyQualifiedErrorId
/// ("ErrorId,HyperNest.Commands.VerbNoun"), printed by the shell and returned in JSON.
/// </summary>
public sealed record ErrorRecord(
    string Message,
    ErrorCategory Category,
    string ErrorId,
    string? TargetName = null,
    string? CommandName = null,
    Exception? Exception = null)
{
    /// <summary>"ErrorId,HyperNest.Commands.GetVM" for cmdlet errors; ErrorId alone otherwise.</summary>
    public string FullyQualifiedErrorId =>
        CommandName is null ? ErrorId : $"{ErrorId},HyperNest.Commands.{CommandName.Replace("-", "", StringComparison.Ordinal)}";

    public static ErrorRecord FromHostException(HostException ex, string? commandName) =>
        new(ex.Message, ex.Category, ex.ErrorId, ex.TargetName, commandName, ex);
}
