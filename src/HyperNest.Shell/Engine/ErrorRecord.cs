using HyperNest.Hosting;
using HyperNest.Shell.Language;

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

    /// <summary>Where in the script the error happened (set by the parser or the engine).</summary>
    public Extent? Extent { get; init; }

    /// <summary>The line and column to print ("At line:1 char:1"), resolved from <see cref="Extent"/> against the script text.</summary>
    public ScriptPosition? Position { get; init; }

    /// <summary>The exception kind shown at the end of CategoryInfo, e.g. "VirtualizationException", "ParameterBindingException".</summary>
    public string? Reason { get; init; }

    public string ReasonName => Reason ?? Exception switch
    {
        HostException => "VirtualizationException",
        null => "RuntimeException",
        var other => other.GetType().Name,
    };

    public static ErrorRecord FromHostException(HostException ex, string? commandName) =>
        new(ex.Message, ex.Category, ex.ErrorId, ex.TargetName, commandName, ex);
}
