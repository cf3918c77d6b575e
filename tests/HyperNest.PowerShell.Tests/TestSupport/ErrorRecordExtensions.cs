using System.Management.Automation;

namespace HyperNest.PowerShell.Tests.TestSupport;

public static class ErrorRecordExtensions
{
    /// <summary>
    /// The error id the cmdlet chose: FullyQualifiedErrorId up to its comma (the engine appends the command
    /// after it, e.g. "SwitchNotFound,HyperNest.PowerShell.Cmdlets.Network.GetVmSwitchCommand").
    /// </summary>
    public static string ErrorId(this ErrorRecord record)
    {
        var id = record.FullyQualifiedErrorId;
        var comma = id.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? id : id[..comma];
    }

    /// <summary>The message PowerShell shows for the error (ErrorDetails when a cmdlet set them, else the exception's).</summary>
    public static string Message(this ErrorRecord record) => record.ErrorDetails?.Message ?? record.Exception.Message;
}
