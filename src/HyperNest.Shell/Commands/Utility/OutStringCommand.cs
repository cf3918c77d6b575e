using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Out", "String", Synopsis = "Renders its input as Out-Default would print it and outputs that text as one string (or lines with -Stream).")]
public sealed class OutStringCommand : Cmdlet
{
    private readonly List<object?> _items = [];

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    [Parameter]
    public SwitchParameter Stream { get; set; }

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)))
        {
            _items.Add(InputObject);
        }
    }

    protected internal override void EndProcessing()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var output = new OutDefault(writer);
        foreach (var item in _items)
        {
            output.Write(item);
        }

        output.Flush();
        var text = writer.ToString();
        if (Stream)
        {
            WriteObjects(text.TrimEnd('\n').Split('\n'));
        }
        else
        {
            WriteObject(text);
        }
    }
}
