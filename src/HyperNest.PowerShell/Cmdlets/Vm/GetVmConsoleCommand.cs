using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>HyperNest's extension: the last lines of a VM's serial console (Hyper-V shows a console window instead).</summary>
[Cmdlet("Get", "VMConsole", DefaultParameterSetName = ByName)]
public sealed class GetVmConsoleCommand : VmSettingsCmdlet
{
    [Parameter]
    public int Last { get; set; } = 40;

    /// <summary>The lines as the guest wrote them, terminal control sequences included.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override void Act(string vmName) => WriteObjects(Virtualization.GetVmConsole(vmName, Last, Raw));
}
