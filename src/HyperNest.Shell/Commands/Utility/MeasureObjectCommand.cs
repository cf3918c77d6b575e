using System.Globalization;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>One row of Measure-Object; statistics not asked for stay null.</summary>
public sealed record MeasureInfo(int Count, double? Average, double? Sum, double? Maximum, double? Minimum, string? Property);

[Cmdlet("Measure", "Object", Synopsis = "Counts the input objects and, with -Sum/-Average/-Maximum/-Minimum, sums or compares a numeric property.")]
public sealed class MeasureObjectCommand : Cmdlet
{
    private readonly List<object?> _items = [];

    [Parameter(Position = 0)]
    public string? Property { get; set; }

    [Parameter]
    public SwitchParameter Sum { get; set; }

    [Parameter]
    public SwitchParameter Average { get; set; }

    [Parameter]
    public SwitchParameter Maximum { get; set; }

    [Parameter]
    public SwitchParameter Minimum { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)))
        {
            _items.Add(Property is null ? InputObject : PropertyAccessor.GetValue(InputObject, Property));
        }
    }

    protected internal override void EndProcessing()
    {
        var numbers = new List<double>();
        if (Sum || Average || Maximum || Minimum)
        {
            foreach (var item in _items.Where(i => i is not null))
            {
                if (!ArgumentConverter.TryConvert(item, typeof(double), out var number))
                {
                    ThrowParameterError($"Input \"{ValueText.Format(item)}\" is not numeric, so it cannot be measured.", "NonNumericInputObject");
                }

                numbers.Add(Convert.ToDouble(number, CultureInfo.InvariantCulture));
            }
        }

        var any = numbers.Count > 0;
        WriteObject(new MeasureInfo(
            _items.Count,
            Average && any ? numbers.Average() : null,
            Sum ? numbers.Sum() : null,
            Maximum && any ? numbers.Max() : null,
            Minimum && any ? numbers.Min() : null,
            Property));
    }
}
