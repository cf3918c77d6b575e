using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Write", "Error", Synopsis = "Writes a non-terminating error (the statement fails; -ErrorAction Stop makes it terminating).")]
public sealed class WriteErrorCommand : Cmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Msg")]
    public string? Message { get; set; }

    [Parameter]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    [Parameter]
    public string? ErrorId { get; set; }

    [Parameter]
    public string? TargetObject { get; set; }

    protected internal override void ProcessRecord() =>
        WriteError(new ErrorRecord(Message!, Category, ErrorId ?? "Microsoft.PowerShell.Commands.WriteErrorException", TargetObject) { Reason = "WriteErrorException" });
}
