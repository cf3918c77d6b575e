using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Out", "Null", Synopsis = "Discards its input (New-VMSwitch ... | Out-Null).")]
public sealed class OutNullCommand : Cmdlet
{
    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }
}
