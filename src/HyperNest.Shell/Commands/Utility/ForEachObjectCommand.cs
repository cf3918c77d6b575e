using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("ForEach", "Object", DefaultParameterSetName = "ScriptBlock",
    Synopsis = "Runs a script block for each input object with $_ set to it ({ Start-VM $_.Name }), or outputs one property (-MemberName).")]
public sealed class ForEachObjectCommand : Cmdlet
{
    [Parameter(ParameterSetName = "ScriptBlock", Position = 0, Mandatory = true)]
    public ScriptBlock? Process { get; set; }

    [Parameter(ParameterSetName = "ScriptBlock")]
    public ScriptBlock? Begin { get; set; }

    [Parameter(ParameterSetName = "ScriptBlock")]
    public ScriptBlock? End { get; set; }

    [Parameter(ParameterSetName = "Member", Position = 0, Mandatory = true)]
    public string? MemberName { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void BeginProcessing()
    {
        if (Begin is not null)
        {
            WriteObjects(InvokeScript(Begin, null));
        }
    }

    protected internal override void ProcessRecord()
    {
        if (!IsBound(nameof(InputObject)))
        {
            return;
        }

        if (MemberName is not null)
        {
            if (PropertyAccessor.TryGetValue(InputObject, MemberName, out var value))
            {
                WriteObjects(PipelineValues.Enumerate(value));
            }

            return;
        }

        WriteObjects(InvokeScript(Process!, InputObject));
    }

    protected internal override void EndProcessing()
    {
        if (End is not null)
        {
            WriteObjects(InvokeScript(End, null));
        }
    }
}
