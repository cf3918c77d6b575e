using HyperNest.Hosting;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

public sealed class CopyVmFileCommandTests : GuestSession
{
    [Fact]
    public void CopyVmFile_NamedParameters_BindToTheHostCall()
    {
        Session.Succeeds("Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host -CreateFullPath -Force");

        var call = Assert.Single(Host.Changes);
        Assert.Equal(nameof(IVirtualizationHost.CopyFileToGuest), call.Method);
        Assert.Equal(["L1", "/tmp/a.txt", "/root/a.txt", true, true], call.Arguments.Take(5));
    }

    [Fact]
    public void CopyVmFile_VmFromThePipeline_CopiesIntoIt()
    {
        Host.Vms.Add(GuestHostRecorder.Vm("L1", Guid.NewGuid()));

        Session.Succeeds("Get-VM L1 | Copy-VMFile -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host");

        Assert.Equal(["L1", "/tmp/a.txt", "/root/a.txt", false, false], Assert.Single(Host.Changes).Arguments.Take(5));
    }

    [Fact]
    public void CopyVmFile_FileSourceOtherThanHost_ClearErrorAndCopiesNothing()
    {
        var error = Session.Fails("Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Guest");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-FileSource Host is the only value", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void CopyVmFile_WhatIf_CopiesNothing()
    {
        Session.Succeeds("Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host -WhatIf");

        Assert.Empty(Host.Changes);
    }
}
