using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;
using ErrorCategory = System.Management.Automation.ErrorCategory;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class VmSwitchCommandTests : NetworkSession
{
    [Fact]
    public void NewVmSwitch_Internal_SendsNameAndType()
    {
        Session.Succeeds("New-VMSwitch -Name VmNAT -SwitchType Internal");

        var request = (NewVmSwitchRequest)SingleChange("NewVmSwitch")[0]!;
        Assert.Equal(new NewVmSwitchRequest { Name = "VmNAT", SwitchType = VmSwitchType.Internal }, request);
    }

    [Fact]
    public void NewVmSwitch_ExternalByInterfaceAlias_SendsAdapterManagementOsAndNotes()
    {
        Session.Succeeds("New-VMSwitch Ext -InterfaceAlias Ethernet -AllowManagementOS $false -Notes 'uplink'");

        var request = (NewVmSwitchRequest)SingleChange("NewVmSwitch")[0]!;
        Assert.Equal(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet", AllowManagementOS = false, Notes = "uplink" }, request);
    }

    [Fact]
    public void NewVmSwitch_NewSwitch_WrittenToPipeline()
    {
        var created = Assert.IsType<VmSwitch>(Assert.Single(Session.Succeeds("New-VMSwitch -Name VmNAT -SwitchType Internal")));

        Assert.Equal(("VmNAT", VmSwitchType.Internal), (created.Name, created.SwitchType));
    }

    [Fact]
    public void NewVmSwitch_UnknownSwitchType_ListsTheTypesAndCallsNothing()
    {
        var error = Session.Fails("New-VMSwitch -Name X -SwitchType Bridged");

        Assert.Equal("CannotConvertArgumentNoMessage", error.ErrorId());
        Assert.Contains("Private, Internal, External", error.Message(), StringComparison.Ordinal);
        Assert.Contains("'SwitchType'", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void NewVmSwitch_NoTypeNorAdapter_MissingSwitchType()
    {
        var error = Session.Fails("New-VMSwitch -Name X");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("SwitchType", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void NewVmSwitch_HostRefuses_ErrorCarriesHostsMessageIdCategoryAndTarget()
    {
        Host.Refuse["NewVmSwitch"] = new HostException("A switch named 'X' already exists.", HyperNest.Hosting.ErrorCategory.ResourceExists, "DuplicateSwitch", "X");

        var error = Session.Fails("New-VMSwitch X -SwitchType Private");

        Assert.Equal(
            ("A switch named 'X' already exists.", "DuplicateSwitch", ErrorCategory.ResourceExists, (object)"X"),
            (error.Message(), error.ErrorId(), error.CategoryInfo.Category, error.TargetObject));
    }

    [Fact]
    public void NewVmSwitch_WhatIf_CreatesNothing()
    {
        Session.Succeeds("New-VMSwitch -Name VmNAT -SwitchType Internal -WhatIf");

        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void GetVmSwitch_Wildcard_FiltersCaseInsensitively()
    {
        Host.Switches.AddRange([NetworkHostRecorder.Switch("VmNAT"), NetworkHostRecorder.Switch("Lab"), NetworkHostRecorder.Switch("vmPrivate", VmSwitchType.Private)]);

        var switches = Session.Succeeds("Get-VMSwitch vm*").Cast<VmSwitch>();

        Assert.Equal(["VmNAT", "vmPrivate"], switches.Select(s => s.Name));
    }

    [Fact]
    public void GetVmSwitch_PlainUnknownName_HostsNotFoundError()
    {
        var error = Session.Fails("Get-VMSwitch Nope");

        Assert.Equal(("SwitchNotFound", ErrorCategory.ObjectNotFound), (error.ErrorId(), error.CategoryInfo.Category));
    }

    [Fact]
    public void RemoveVmSwitch_FromPipelineWithForce_RemovesEachByName()
    {
        Host.Switches.AddRange([NetworkHostRecorder.Switch("A"), NetworkHostRecorder.Switch("B")]);

        Session.Succeeds("Get-VMSwitch | Remove-VMSwitch -Force");

        Assert.Equal([("A", true), ("B", true)], Host.Changes.Select(c => ((string)c.Arguments[0]!, (bool)c.Arguments[1]!)));
    }

    [Fact]
    public void RemoveVmSwitch_WithoutForce_AsksFirst_AndAHostThatCannotAskRemovesNothing()
    {
        var error = Session.Fails("Remove-VMSwitch -Name A");

        Assert.StartsWith("HostFunctionNotImplemented,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Are you sure you want to remove the virtual switch \"A\"?", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void RemoveVmSwitch_Force_RemovesWithoutAsking()
    {
        Session.Succeeds("Remove-VMSwitch -Name A -Force");

        Assert.Equal(["A", true], SingleChange("RemoveVmSwitch"));
    }

    [Fact]
    public void RenameVmSwitch_ByNameAndFromPipeline_SendOldAndNewName()
    {
        Host.Switches.Add(NetworkHostRecorder.Switch("Old2"));

        Session.Succeeds("Rename-VMSwitch -Name Old -NewName New; Get-VMSwitch Old2 | Rename-VMSwitch -NewName New2");

        Assert.Equal([("Old", "New"), ("Old2", "New2")], Host.Changes.Select(c => ((string)c.Arguments[0]!, (string)c.Arguments[1]!)));
    }
}
