using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Remove", "VM", DefaultParameterSetName = ByName, Synopsis = "Deletes a virtual machine that is off, with the disks HyperNest created for it.")]
public sealed class RemoveVmCommand : VmActionCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? Act(string vmName)
    {
        Host.RemoveVm(vmName);
        return null;
    }
}
