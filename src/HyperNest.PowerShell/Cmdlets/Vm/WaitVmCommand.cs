using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("Wait", "VM", DefaultParameterSetName = ByName)]
public sealed class WaitVmCommand : VmActionCmdlet
{
    [Parameter]
    public WaitForCondition For { get; set; } = WaitForCondition.Heartbeat;

    /// <summary>Seconds to wait; Hyper-V waits forever when it is not given.</summary>
    [Parameter]
    public int Timeout { get; set; } = -1;

    [Parameter]
    public int Delay { get; set; }

    protected override object? Act(string vmName)
    {
        var timeout = Timeout < 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Timeout);
        return Virtualization.WaitVm(vmName, For, timeout, CancellationToken);
    }
}
