using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Write", "Output", Synopsis = "Sends objects down the pipeline (or prints them when last).")]
public sealed class WriteOutputCommand : Cmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    public object?[]? InputObject { get; set; }

    protected internal override void ProcessRecord()
    {
        foreach (var item in InputObject ?? [])
        {
            WriteObject(item);
        }
    }
}
