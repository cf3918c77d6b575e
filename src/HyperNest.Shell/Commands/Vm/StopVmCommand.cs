using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Stop", "VM", DefaultParameterSetName = ByName, Synopsis = "Shuts down a virtual machine (guest shutdown); -Force powers it off after a grace period, -TurnOff at once, -Save saves its state.")]
public sealed class StopVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter TurnOff { get; set; }

    [Parameter]
    public SwitchParameter Save { get; set; }

    protected internal override void BeginProcessing()
    {
        if ((TurnOff ? 1 : 0) + (Save ? 1 : 0) > 1)
        {
            ThrowParameterError("-TurnOff and -Save cannot be used together. Choose one way to stop the virtual machine.");
        }
    }

    protected override object? Act(string vmName)
    {
        var mode = TurnOff ? StopMode.TurnOff : Save ? StopMode.Save : Force ? StopMode.Force : StopMode.Shutdown;
        return Host.StopVm(vmName, mode);
    }
}
