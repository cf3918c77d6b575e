using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Remove", "VMSavedState", DefaultParameterSetName = ByName, Synopsis = "Discards a saved virtual machine's saved state; the VM becomes Off.")]
public sealed class RemoveVmSavedStateCommand : VmSettingsCmdlet
{
    protected override void Act(string vmName) => Host.RemoveVmSavedState(vmName);
}
