using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Select", "Object", Synopsis = "Selects properties of objects (-Property, * works), one property's values (-ExpandProperty), or the first/last objects.")]
public sealed class SelectObjectCommand : Cmdlet
{
    private readonly Queue<object?> _last = new();
    private int _seen;
    private int _emitted;

    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    [Parameter]
    public string? ExpandProperty { get; set; }

    [Parameter]
    public int? First { get; set; }

    [Parameter]
    public int? Last { get; set; }

    [Parameter]
    public int Skip { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void ProcessRecord()
    {
        if (!IsBound(nameof(InputObject)) || _seen++ < Skip)
        {
            return;
        }

        if (Last is { } last)
        {
            _last.Enqueue(InputObject);
            if (_last.Count > last && First is null)
            {
                _last.Dequeue();
            }

            return;
        }

        if (First is { } first && _emitted >= first)
        {
            return;
        }

        _emitted++;
        Emit(InputObject);
    }

    protected internal override void EndProcessing()
    {
        var items = _last.ToList();
        if (First is { } first)
        {
            items = items.Take(first).ToList();
        }

        foreach (var item in items.Skip(Math.Max(0, items.Count - (Last ?? items.Count))))
        {
            Emit(item);
        }
    }

    private void Emit(object? item)
    {
        if (item is null)
        {
            return;
        }

        if (ExpandProperty is not null)
        {
            if (!PropertyAccessor.TryGetValue(item, ExpandProperty, out var value))
            {
                WriteError(new ErrorRecord(
                    $"Property \"{ExpandProperty}\" cannot be found.",
                    Hosting.ErrorCategory.InvalidArgument,
                    "ExpandPropertyNotFound",
                    ExpandProperty,
                    CommandName));
                return;
            }

            foreach (var element in PipelineValues.Enumerate(value))
            {
                WriteObject(element);
            }

            return;
        }

        if (Property is not { Length: > 0 })
        {
            WriteObject(item);
            return;
        }

        var selected = new PSCustomObject();
        foreach (var name in PropertySelector.Expand(item, Property))
        {
            selected[name] = PropertyAccessor.GetValue(item, name);
        }

        WriteObject(selected);
    }
}
