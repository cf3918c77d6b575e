using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("ConvertTo", "Json", Synopsis = "Converts objects to JSON (PowerShell 7 style: enums as numbers unless -EnumsAsStrings).")]
public sealed class ConvertToJsonCommand : Cmdlet
{
    private readonly List<object?> _items = [];

    [Parameter(Position = 0, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    [Parameter]
    public int Depth { get; set; } = 2;

    [Parameter]
    public SwitchParameter Compress { get; set; }

    [Parameter]
    public SwitchParameter EnumsAsStrings { get; set; }

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)))
        {
            _items.Add(InputObject);
        }
    }

    protected internal override void EndProcessing()
    {
        if (_items.Count == 0)
        {
            return;
        }

        var converter = new JsonConverter(Depth, Compress, EnumsAsStrings);
        var json = converter.Serialize(_items);
        if (converter.Truncated)
        {
            WriteWarning($"Resulting JSON is truncated as serialization has exceeded the set depth of {Depth}.");
        }

        WriteObject(json);
    }
}
