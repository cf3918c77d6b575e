using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Rename", "VM", DefaultParameterSetName = ByName, Synopsis = "Renames a virtual machine.")]
public sealed class RenameVmCommand : VmActionCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    public string NewName { get; set; } = "";

    protected override object? Act(string vmName) => Host.RenameVm(vmName, NewName);
}
