using System.Management.Automation;
using HyperNest.Hosting;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>Set-VMHost: this host's settings. Of Hyper-V's, none applies yet; HyperNest's own is the memory limit for all VMs.</summary>
[Cmdlet("Set", "VMHost", SupportsShouldProcess = true)]
public sealed class SetVmHostCommand : HyperNestCmdlet
{
    /// <summary>Beyond Hyper-V: the most memory Dynamic Memory gives all running VMs together; 0 removes the limit.</summary>
    [Parameter]
    [ValidateNotNull]
    public long? VirtualMachineMemoryLimitBytes { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Process()
    {
        if (!ShouldProcess(Environment.MachineName))
        {
            return;
        }

        var host = Virtualization.SetHost(new SetHostRequest { VirtualMachineMemoryLimitBytes = VirtualMachineMemoryLimitBytes });
        if (Passthru)
        {
            WriteObject(host);
        }
    }
}
