using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Where", "Object", Synopsis = "Passes on the objects for which a filter such as { $_.State -eq 'Running' } is true.")]
public sealed class WhereObjectCommand : Cmdlet
{
    private WhereCondition? _condition;

    [Parameter(Position = 0, Mandatory = true)]
    public ScriptBlock? FilterScript { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void BeginProcessing() => _condition = WhereCondition.Parse(FilterScript!.Text);

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)) && _condition!.IsMatch(InputObject))
        {
            WriteObject(InputObject);
        }
    }
}
