using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Get-, Enable- and Disable-VMIntegrationService: Hyper-V's parameter sets and their examples.</summary>
public sealed class VmIntegrationServiceCommandTests : VmSession
{
    public VmIntegrationServiceCommandTests() => Host.Vms.Add(VmHostRecorder.Vm("Test1"));

    [Fact]
    public void Get_PositionalNamesWithWildcards_FilterTheVmsServices()
    {
        var names = Session.InvokeAs<HyperNest.Model.VmIntegrationComponent>("Get-VMIntegrationService Test1 Shut*,vss").Select(s => s.Name);

        Assert.Equal(["Shutdown", "VSS"], names);
    }

    [Fact]
    public void Get_PlainNameThatIsNoService_IsAnErrorNamingTheServices()
    {
        var error = Session.Fails("Get-VMIntegrationService -VMName Test1 -Name 'Data Exchange'");

        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'Key-Value Pair Exchange'", error.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Get_TableHasHyperVsColumns() =>
        Assert.Matches(@"VMName\s+Name\s+Enabled\s+PrimaryStatusDescription\s+SecondaryStatusDescription",
            Session.InvokeText("Get-VMIntegrationService -VMName Test1 | Out-String -Width 200"));

    [Fact]
    public void Enable_NamesAndVmName_EnablesEach() // Hyper-V's example 1
    {
        Succeeds("Enable-VMIntegrationService -Name Shutdown,VSS -VMName Test1");

        Assert.Equal([("Test1", "Shutdown", true), ("Test1", "VSS", true)],
            Host.Changes.Select(c => ((string)c.Arguments[0]!, (string)c.Arguments[1]!, (bool)c.Arguments[2]!)));
    }

    [Fact]
    public void Enable_ServicesFromGet_AreEnabled() // Hyper-V's example 2
    {
        Succeeds("Get-VMIntegrationService Test1 Shutdown,Vss | Enable-VMIntegrationService");

        Assert.Equal(["Shutdown", "VSS"], Host.Changes.Select(c => (string)c.Arguments[1]!));
    }

    [Fact]
    public void Disable_VmFromGetVm_PositionalName() // Hyper-V's example 3, disabling
    {
        Succeeds("Get-VM Test1 | Disable-VMIntegrationService 'Guest Service Interface' -Passthru");

        Assert.Equal(["Test1", "Guest Service Interface", false], SingleChange("SetVmIntegrationService"));
    }

    [Fact]
    public void Disable_Wildcard_ExpandsAgainstTheVmsServices()
    {
        Succeeds("Disable-VMIntegrationService -VMName Test1 -Name *Sync*");

        Assert.Equal(["Test1", "Time Synchronization", false], SingleChange("SetVmIntegrationService"));
    }

    [Fact]
    public void Disable_WhatIf_ChangesNothing()
    {
        Succeeds("Disable-VMIntegrationService -VMName Test1 -Name Heartbeat -WhatIf");

        Assert.Empty(Host.Changes);
    }
}
