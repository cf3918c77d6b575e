using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

public sealed class NetNatCommandTests : NetworkSession
{
    [Fact]
    public void NewNetNat_EnDashedParameters_SendsNameAndPrefix()
    {
        Session.Succeeds("New-NetNat \u2013Name LocalNAT \u2013InternalIPInterfaceAddressPrefix \"192.168.100.0/24\"");

        Assert.Equal(["LocalNAT", "192.168.100.0/24"], SingleChange("NewNetNat"));
    }

    [Fact]
    public void NewNetNat_NoPrefix_MissingMandatoryParameter()
    {
        var error = Session.Fails("New-NetNat -Name LocalNAT");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId());
        Assert.Contains("InternalIPInterfaceAddressPrefix", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Calls);
    }

    [Fact]
    public void RemoveNetNat_NoNameConfirmFalse_RemovesEveryNat()
    {
        AddNats();

        Session.Succeeds("Remove-NetNat -Confirm:$false");

        Assert.Equal(["A", "B"], Host.Changes.Select(c => (string)c.Arguments[0]!));
    }

    [Fact]
    public void GetNetNat_LowerCaseName_FindsIt()
    {
        AddNats();

        var nat = Assert.IsType<NetNat>(Assert.Single(Session.Succeeds("Get-NetNat b")));

        Assert.Equal("B", nat.Name);
    }

    [Fact]
    public void RemoveNetNat_ByName_RemovesOnlyIt()
    {
        AddNats();

        Session.Succeeds("Remove-NetNat -Name A");

        Assert.Equal(["A"], SingleChange("RemoveNetNat"));
    }

    [Fact]
    public void RemoveNetNat_FromPipeline_RemovesEach()
    {
        AddNats();

        Session.Succeeds("Get-NetNat | Remove-NetNat -Confirm:$false");

        Assert.Equal(["A", "B"], Host.Changes.Select(c => (string)c.Arguments[0]!));
    }

    private void AddNats() => Host.Nats.AddRange([
        new NetNat { Name = "A", InternalIPInterfaceAddressPrefix = "10.1.0.0/24" },
        new NetNat { Name = "B", InternalIPInterfaceAddressPrefix = "10.2.0.0/24" },
    ]);
}
