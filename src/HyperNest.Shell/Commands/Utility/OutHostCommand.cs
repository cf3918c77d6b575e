using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Out", "Host", Synopsis = "Prints its input to the console now, formatted as Out-Default would.")]
public sealed class OutHostCommand : Cmdlet
{
    private OutDefault? _output;

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void BeginProcessing() => _output = new OutDefault(Session.Out, Session.ConsoleWidth);

    protected internal override void ProcessRecord()
    {
        if (IsBound(nameof(InputObject)))
        {
            _output!.Write(InputObject);
        }
    }

    protected internal override void EndProcessing() => _output!.Flush();
}
