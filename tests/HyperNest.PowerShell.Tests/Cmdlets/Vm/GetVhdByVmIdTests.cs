using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Get-VHD -VMId, Hyper-V's "Get-VM x | Select-Object VMId | Get-VHD": the disks of the VM's hard drives.</summary>
public sealed class GetVhdByVmIdTests : VmSession
{
    public GetVhdByVmIdTests() => Host.Vms.AddRange([VmHostRecorder.Vm("db"), VmHostRecorder.Vm("web")]);

    [Fact]
    public void GetVhd_VMIdFromThePipeline_DescribesEachDriveOfThatVm()
    {
        var paths = Session.Succeeds("Get-VM db | Select-Object VMId | Get-VHD | ForEach-Object Path");

        Assert.Equal(["/srv/db/system.qcow2", "/srv/db/data.qcow2"], paths);
        Assert.Equal(["db"], Host.Calls.Where(c => c.Method == nameof(IVirtualizationHost.GetVmHardDiskDrives)).Select(c => c.Arguments[0]));
    }

    [Fact]
    public void GetVhd_UnknownVMId_HyperVNotFoundError()
    {
        var id = Guid.NewGuid();

        var error = Session.Fails($"Get-VHD -VMId {id}");

        Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains($"unable to find a virtual machine with ID {id}", error.Exception.Message, StringComparison.Ordinal);
    }
}
