using HyperNest.Model;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Language;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

/// <summary>Lines as users paste them from the nested virtualization documents, run against look-alike test cmdlets.</summary>
public class SeedLineTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void Invoke_AdapterPipelineWithMacSpoofingOn_BindsByValueAndEnum()
    {
        var result = _shell.Invoke("Get-TestAdapter -VMName L1 | Set-TestAdapter -MacAddressSpoofing On");

        Assert.True(result.Succeeded, _shell.Errors);
        var adapter = Assert.IsType<TestAdapter>(Assert.Single(result.Output));
        Assert.Equal(("L1", OnOffState.On), (adapter.VMName, adapter.MacAddressSpoofing));
    }

    [Fact]
    public void Invoke_TypographicDashesAndQuotes_BindLikeAscii()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM –VMName “L1” —ExposeVirtualizationExtensions $true");

        Assert.Equal("L1", report["Name"]);
        Assert.Equal(true, report["ExposeVirtualizationExtensions"]);
    }

    [Fact]
    public void Execute_PlaceholderLine_FailsNamingPlaceholder()
    {
        var result = _shell.Execute("Set-TestVM -VMName <VMName> -ExposeVirtualizationExtensions $false");

        Assert.False(result.Succeeded);
        Assert.Contains("'<VMName>'", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_HashtableLiteral_ClearParserError()
    {
        _shell.Execute("Set-TestVM @{ Name = 'x' }");

        Assert.Contains("Hashtables (@{ ... }) are not supported", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TwoCommandsRunTogether_ErrorPointsAtSecondCommand()
    {
        var error = _shell.FirstError("Set-TestVM -Name VmNAT -Count 1 New-NetNat –Name LocalNAT –Tags “”");

        Assert.Contains("'New-NetNat' looks like the start of another command", error.Message, StringComparison.Ordinal);
        Assert.Equal(33, error.Extent!.Value.Column);
    }

    /// <summary>
    /// The networking guide's lines parse and name real cmdlets (netsh through its alias); the host calls
    /// each one binds to are asserted in Commands/Network (VmSwitch, NetIp, Netsh, VmNetworkAdapter tests).
    /// </summary>
    [Theory]
    [InlineData("New-VMSwitch -Name VmNAT -SwitchType Internal")]
    [InlineData("New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix \"192.168.100.0/24\"")]
    [InlineData("Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24")]
    [InlineData("Get-NetAdapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24")]
    [InlineData("Netsh interface ip add dnsserver \"Ethernet\" address=10.0.0.53")]
    [InlineData("Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter -MacAddressSpoofing On")]
    public void Parse_NetworkSeedLine_EveryCommandIsACmdlet(string line)
    {
        var commands = CommandTable.CreateDefault();

        var pipeline = Assert.IsType<PipelineAst>(Assert.Single(Parser.Parse(line).Statements));

        Assert.All(pipeline.Elements, element => Assert.NotNull(commands.Find(Assert.IsType<CommandAst>(element).Name)));
    }

    [Fact]
    public void Execute_MissingValueBeforeNextParameter_MissingArgument()
    {
        var error = _shell.FirstError("Set-TestVM -Name -Count 1");

        Assert.Equal("MissingArgument", error.ErrorId);
    }
}
