using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Stop", "VM", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class StopVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter TurnOff { get; set; }

    [Parameter]
    public SwitchParameter Save { get; set; }

    protected override void BeginProcessing()
    {
        if ((TurnOff ? 1 : 0) + (Save ? 1 : 0) > 1)
        {
            ThrowParameterError("-TurnOff and -Save cannot be used together. Choose one way to stop the virtual machine.");
        }
    }

    protected override object? Act(string vmName)
    {
        var mode = TurnOff ? StopMode.TurnOff : Save ? StopMode.Save : Force ? StopMode.Force : StopMode.Shutdown;
        return ShouldProcess(vmName) ? Virtualization.StopVm(vmName, mode) : null;
    }
}
