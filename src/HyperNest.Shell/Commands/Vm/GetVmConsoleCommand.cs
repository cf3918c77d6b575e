using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

/// <summary>HyperNest's extension: the last lines of a VM's serial console (Hyper-V shows a console window instead).</summary>
[Cmdlet("Get", "VMConsole", DefaultParameterSetName = ByName, Synopsis = "Shows the last lines of a virtual machine's serial console.")]
public sealed class GetVmConsoleCommand : VmSettingsCmdlet
{
    [Parameter]
    public int Last { get; set; } = 40;

    protected override void Act(string vmName) => WriteObjects(Host.GetVmConsole(vmName, Last));
}
