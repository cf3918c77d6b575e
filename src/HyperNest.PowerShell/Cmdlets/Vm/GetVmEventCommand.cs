using System.Management.Automation;
using HyperNest.Model;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>
/// HyperNest's extension: a VM's recent events, newest first: what a Hyper-V admin reads in VMMS's Admin log
/// with Get-WinEvent (started, turned off, saved, the guest shut down, the worker crashed), and the QEMU
/// command line of each start. Without -VMName or -VM, the events of every VM, removed ones too.
/// </summary>
[Cmdlet("Get", "VMEvent", DefaultParameterSetName = AllVms)]
[OutputType(typeof(VmEvent))]
public sealed class GetVmEventCommand : VmSettingsCmdlet
{
    private const string AllVms = "All";

    /// <summary>How many of the newest events to show (Get-WinEvent's -MaxEvents).</summary>
    [Parameter]
    [Alias("MaxEvents")]
    [ValidateRange(1, int.MaxValue)]
    public int Newest { get; set; } = 20;

    protected override void Process()
    {
        if (ParameterSetName == AllVms)
        {
            WriteObjects(Virtualization.GetVmEvents(null, Newest));
            return;
        }

        base.Process();
    }

    protected override void Act(string vmName) => WriteObjects(Virtualization.GetVmEvents(vmName, Newest));
}
