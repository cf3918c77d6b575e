using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Shell.Tests.Commands.Network;

public sealed class VmSwitchCommandTests : NetworkShell
{
    [Fact]
    public void NewVmSwitch_SeedLineInternal_SendsNameAndType()
    {
        Succeeds("New-VMSwitch -Name VmNAT -SwitchType Internal");

        var request = (NewVmSwitchRequest)SingleChange("NewVmSwitch")[0]!;
        Assert.Equal(new NewVmSwitchRequest { Name = "VmNAT", SwitchType = VmSwitchType.Internal }, request);
    }

    [Fact]
    public void NewVmSwitch_ExternalByInterfaceAlias_SendsAdapterManagementOsAndNotes()
    {
        Succeeds("New-VMSwitch Ext -InterfaceAlias Ethernet -AllowManagementOS $false -Notes 'uplink'");

        var request = (NewVmSwitchRequest)SingleChange("NewVmSwitch")[0]!;
        Assert.Equal(new NewVmSwitchRequest { Name = "Ext", NetAdapterName = "Ethernet", AllowManagementOS = false, Notes = "uplink" }, request);
    }

    [Fact]
    public void NewVmSwitch_UnknownSwitchType_ListsTheTypesAndCallsNothing()
    {
        var error = Fails("New-VMSwitch -Name X -SwitchType Bridged");

        Assert.Contains("Private, Internal, External", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SwitchType'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void NewVmSwitch_NoTypeNorAdapter_MissingSwitchType()
    {
        var error = Fails("New-VMSwitch -Name X");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId);
        Assert.Contains("SwitchType", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewVmSwitch_HostRefuses_ErrorCarriesHostMessage()
    {
        Host.Refuse["NewVmSwitch"] = new HostException("A switch named 'X' already exists.", ErrorCategory.ResourceExists, "DuplicateSwitch", "X");

        var error = Fails("New-VMSwitch X -SwitchType Private");

        Assert.Equal(("A switch named 'X' already exists.", "DuplicateSwitch,HyperNest.Commands.NewVMSwitch"), (error.Message, error.FullyQualifiedErrorId));
    }

    [Fact]
    public void GetVmSwitch_Wildcard_FiltersCaseInsensitively()
    {
        Host.Switches.AddRange([NetworkHostRecorder.Switch("VmNAT"), NetworkHostRecorder.Switch("Lab"), NetworkHostRecorder.Switch("vmPrivate", VmSwitchType.Private)]);

        var result = Succeeds("Get-VMSwitch vm*");

        Assert.Equal(["VmNAT", "vmPrivate"], result.Output.Cast<VmSwitch>().Select(s => s.Name));
    }

    [Fact]
    public void GetVmSwitch_PlainUnknownName_HostsNotFoundError()
    {
        var error = Fails("Get-VMSwitch Nope");

        Assert.Equal("SwitchNotFound", error.ErrorId);
    }

    [Fact]
    public void RemoveVmSwitch_FromPipelineWithForce_RemovesEachByName()
    {
        Host.Switches.AddRange([NetworkHostRecorder.Switch("A"), NetworkHostRecorder.Switch("B")]);

        Succeeds("Get-VMSwitch | Remove-VMSwitch -Force");

        Assert.Equal([("A", true), ("B", true)], Host.Changes.Select(c => ((string)c.Arguments[0]!, (bool)c.Arguments[1]!)));
    }

    [Fact]
    public void RemoveVmSwitch_ByName_NotForced()
    {
        Succeeds("Remove-VMSwitch -Name A");

        Assert.Equal(["A", false], SingleChange("RemoveVmSwitch"));
    }

    [Fact]
    public void RenameVmSwitch_NameAndPipeline_SendOldAndNewName()
    {
        Host.Switches.Add(NetworkHostRecorder.Switch("Old2"));

        Succeeds("Rename-VMSwitch -Name Old -NewName New; Get-VMSwitch Old2 | Rename-VMSwitch -NewName New2");

        Assert.Equal([("Old", "New"), ("Old2", "New2")], Host.Changes.Select(c => ((string)c.Arguments[0]!, (string)c.Arguments[1]!)));
    }
}
