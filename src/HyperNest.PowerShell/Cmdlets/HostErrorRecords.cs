using System.Management.Automation;
using HyperNest.Hosting;

namespace HyperNest.PowerShell.Cmdlets;

/// <summary>
/// Turns the host API's refusals into PowerShell error records the way Hyper-V's module does: the
/// message is the host's, the error id is the first half of FullyQualifiedErrorId (the engine appends the
/// cmdlet), the category is PowerShell's category of the same name and the target is the object's name.
/// </summary>
internal static class HostErrorRecords
{
    public static ErrorRecord From(HostException ex) =>
        new(ex, ex.ErrorId, ToPowerShell(ex.Category), ex.TargetName);

    /// <summary>HyperNest.Core mirrors System.Management.Automation.ErrorCategory name for name (Core has no engine reference).</summary>
    public static System.Management.Automation.ErrorCategory ToPowerShell(HyperNest.Hosting.ErrorCategory category) =>
        Enum.Parse<System.Management.Automation.ErrorCategory>(category.ToString());
}
