using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Where", "Object", DefaultParameterSetName = "ScriptBlock",
    Synopsis = "Passes on the objects for which a filter such as { $_.State -eq 'Running' } (or: State -eq Running) is true.")]
public sealed class WhereObjectCommand : Cmdlet
{
    private WhereCondition? _condition;

    [Parameter(ParameterSetName = "ScriptBlock", Position = 0, Mandatory = true)]
    public ScriptBlock? FilterScript { get; set; }

    [Parameter(ParameterSetName = "Simple", Position = 0, Mandatory = true)]
    public string? Property { get; set; }

    [Parameter(ParameterSetName = "Simple", Position = 1)]
    public object? Value { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter EQ { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter NE { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter GT { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter GE { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter LT { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter LE { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter Like { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter NotLike { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter Match { get; set; }

    [Parameter(ParameterSetName = "Simple")]
    public SwitchParameter NotMatch { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void BeginProcessing()
    {
        if (FilterScript is not null)
        {
            _condition = WhereCondition.Parse(FilterScript.Text);
            return;
        }

        var operators = WhereCondition.Operators.Where(IsBound).ToList();
        if (operators.Count > 1)
        {
            ThrowParameterError($"Use one comparison operator, not {string.Join(" and ", operators.Select(o => "-" + o))}.");
        }

        _condition = WhereCondition.Simple(Property!, operators.FirstOrDefault(), NumberArgument.Unwrap(Value));
    }

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)) && _condition!.IsMatch(InputObject))
        {
            WriteObject(InputObject);
        }
    }
}
