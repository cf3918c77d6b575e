using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Get-VMEvent: one VM's events by name or from Get-VM, every VM's without either, -Newest (alias -MaxEvents, as Get-WinEvent) passed on.</summary>
public sealed class GetVmEventCommandTests : VmSession
{
    public GetVmEventCommandTests()
    {
        Host.Vms.Add(VmHostRecorder.Vm("web1"));
        Host.Vms.Add(VmHostRecorder.Vm("web2"));
    }

    private IEnumerable<object?[]> EventCalls => Host.Calls.Where(c => c.Method == nameof(IVirtualizationHost.GetVmEvents)).Select(c => c.Arguments);

    [Fact]
    public void ByName_AsksForThatVmsNewestTwenty()
    {
        var events = Session.Succeeds("Get-VMEvent -VMName web1");

        Assert.Equal("newest 20", Assert.IsType<VmEvent>(Assert.Single(events)).Message);
        Assert.Equal([["web1", 20]], EventCalls);
    }

    [Fact]
    public void FromGetVm_WithMaxEvents_AsksForEachVm()
    {
        Succeeds("Get-VM | Get-VMEvent -MaxEvents 5");

        Assert.Equal([["web1", 5], ["web2", 5]], EventCalls);
    }

    [Fact]
    public void WithoutAVm_AsksForEveryVmsEvents()
    {
        Succeeds("Get-VMEvent -Newest 7");

        Assert.Equal([[null, 7]], EventCalls);
    }

    [Fact]
    public void NewestBelowOne_IsRefusedByPowerShell()
    {
        var error = Session.Fails("Get-VMEvent -Newest 0");

        Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(EventCalls);
    }
}
