using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Write", "Host", Synopsis = "Prints text straight to the console, bypassing the pipeline.")]
public sealed class WriteHostCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public object?[]? Object { get; set; }

    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    [Parameter]
    public string? ForegroundColor { get; set; }

    protected internal override void ProcessRecord()
    {
        var text = string.Join(' ', (Object ?? []).Select(ValueText.Format));
        if (NoNewline)
        {
            Session.Out.Write(text);
        }
        else
        {
            Session.Out.WriteLine(text);
        }
    }
}
