using HyperNest.Model;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Get-VM's objects as scripts read them: Hyper-V's names, enum values and default views.</summary>
public sealed class VmObjectTests : VmSession
{
    [Fact]
    public void GetVm_State_ComparesAsTextAndAsHyperVsNumber()
    {
        Host.Vms.Add(VmHostRecorder.Vm("off1"));
        Host.Vms.Add(VmHostRecorder.Vm("run1", VmState.Running));

        var off = Session.Invoke("Get-VM | Where-Object { $_.State -eq 'Off' -and [int]$_.State -eq 3 } | ForEach-Object VMName");

        Assert.Equal("off1", Assert.Single(off).BaseObject);
        Assert.Equal(2, Session.Invoke("[int](Get-VM run1).State").Single().BaseObject);
    }

    [Fact]
    public void GetVm_AutomaticActions_ReadAsHyperVsEnumNames()
    {
        Host.Vms.Add(VmHostRecorder.Vm("web1"));

        var text = Session.Invoke("$vm = Get-VM web1; '{0}/{1}/{2}' -f $vm.AutomaticStartAction, $vm.AutomaticStopAction, $vm.AutomaticCheckpointsEnabled");

        Assert.Equal("StartIfRunning/Save/True", text.Single().BaseObject);
    }

    [Fact]
    public void HardDrives_PrintAsHyperVsVMHardDiskDriveTable()
    {
        Host.Vms.Add(VmHostRecorder.Vm("web1") with
        {
            HardDrives = [new VmHardDiskDrive { VMName = "web1", ControllerType = ControllerType.SCSI, Path = "/var/lib/hypernest/web1.qcow2" }],
        });

        var lines = Session.InvokeText("(Get-VM web1).HardDrives").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(["VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DiskNumber", "Path"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["web1", "SCSI", "0", "0", "/var/lib/hypernest/web1.qcow2"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
