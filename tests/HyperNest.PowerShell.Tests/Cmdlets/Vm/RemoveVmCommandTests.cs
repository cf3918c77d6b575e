using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Remove-VM asks first, as Hyper-V's does ("Are you sure you want to remove virtual machine …?"), unless -Force.</summary>
public sealed class RemoveVmCommandTests : VmSession
{
    public RemoveVmCommandTests() => Host.Vms.Add(VmHostRecorder.Vm("web1"));

    [Fact]
    public void RemoveVm_WithoutForce_AsksFirst_AndAHostThatCannotAskRemovesNothing()
    {
        var error = Session.Fails("Remove-VM -Name web1");

        Assert.StartsWith("HostFunctionNotImplemented,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Are you sure you want to remove virtual machine \"web1\"?", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void RemoveVm_ForceFromThePipeline_RemovesWithoutAsking()
    {
        Succeeds("Get-VM web1 | Remove-VM -Force");

        Assert.Equal(["web1"], SingleChange(nameof(IVirtualizationHost.RemoveVm)));
    }

    [Fact]
    public void RemoveVm_WhatIf_NeitherAsksNorRemoves()
    {
        Succeeds("Remove-VM -Name web1 -WhatIf");

        Assert.Empty(Host.Changes);
    }
}
