using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Documents;

/// <summary>
/// The documents' lines with only their placeholders and lost values filled in, as a user does after
/// pasting (en dashes, typographic quotes and lower-case names kept): each binds in real PowerShell and
/// reaches the host API with the document's arguments. The addresses are the 192.168.100.0/24 ones of the
/// guide's published example; the DNS server is any address.
/// </summary>
public sealed class FilledInLineTests : IDisposable
{
    private readonly NetworkHostRecorder _host;
    private readonly PowerShellSession _session;

    public FilledInLineTests()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        recorder.NetAdapters.AddRange([NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0"), NetworkHostRecorder.NetAdapter("vEthernet (VmNat)", 5, "hn-vmnat")]);
        _host = recorder;
        _session = new PowerShellSession(host);
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Invoke_MacSpoofingLine_SetsSpoofingOnEveryAdapterOfTheVm()
    {
        var first = NetworkHostRecorder.Adapter("L1");
        var second = NetworkHostRecorder.Adapter("L1", "Second");
        _host.Adapters.AddRange([first, second, NetworkHostRecorder.Adapter("L2")]);

        _session.Succeeds(DocumentLines.MacSpoofing.Replace("<VMName>", "L1", StringComparison.Ordinal));

        Assert.Equal(
            [("L1", first.AdapterId, OnOffState.On), ("L1", second.AdapterId, OnOffState.On)],
            _host.Changes.Select(c => ((string)c.Arguments[0]!, (Guid)c.Arguments[1]!, ((SetVmNetworkAdapterRequest)c.Arguments[2]!).MacAddressSpoofing)));
    }

    [Fact]
    public void Invoke_NatSwitchHalfOfTheRunTogetherLine_CreatesTheInternalSwitch()
    {
        var line = DocumentLines.NatSwitchAndNat[..DocumentLines.NatSwitchAndNat.IndexOf(" New-NetNat", StringComparison.Ordinal)];

        _session.Succeeds(line);

        var request = (NewVmSwitchRequest)Assert.Single(_host.Changes).Arguments[0]!;
        Assert.Equal(new NewVmSwitchRequest { Name = "VmNAT", SwitchType = VmSwitchType.Internal }, request);
    }

    [Fact]
    public void Invoke_NatHalfWithEnDashesAndTypographicQuotes_CreatesTheNat()
    {
        var half = DocumentLines.NatSwitchAndNat[(DocumentLines.NatSwitchAndNat.IndexOf(" New-NetNat", StringComparison.Ordinal) + 1)..];
        Assert.Contains('\u2013', half);

        _session.Succeeds(half.Replace("\u201C\u201D", "\u201C192.168.100.0/24\u201D", StringComparison.Ordinal));

        Assert.Equal(["LocalNAT", "192.168.100.0/24"], Assert.Single(_host.Changes).Arguments);
    }

    [Fact]
    public void Invoke_NatAdapterAddressLine_AddressOnTheSwitchsAdapter()
    {
        _session.Succeeds(DocumentLines.NatAdapterAddress.Replace("-IPAddress ", "-IPAddress 192.168.100.1 ", StringComparison.Ordinal));

        var request = (NewNetIpAddressRequest)Assert.Single(_host.Changes).Arguments[0]!;
        Assert.Equal(new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(5), IPAddress = "192.168.100.1", PrefixLength = 24, AddressFamily = "IPv4" }, request);
    }

    [Fact]
    public void Invoke_GuestAddressLine_AddressAndGatewayOnEthernet()
    {
        var line = DocumentLines.GuestAddress
            .Replace("-IPAddress ", "-IPAddress 192.168.100.2 ", StringComparison.Ordinal)
            .Replace("-DefaultGateway ", "-DefaultGateway 192.168.100.1 ", StringComparison.Ordinal);

        _session.Succeeds(line);

        var request = (NewNetIpAddressRequest)Assert.Single(_host.Changes).Arguments[0]!;
        Assert.Equal(
            new NewNetIpAddressRequest { Interface = NetInterfaceSelector.ByIndex(2), IPAddress = "192.168.100.2", PrefixLength = 24, DefaultGateway = "192.168.100.1", AddressFamily = "IPv4" },
            request);
    }

    [Fact]
    public void Invoke_GuestDnsLineWithTypographicQuotes_AddsTheServerToEthernet()
    {
        Assert.Contains('\u201C', DocumentLines.GuestDns);

        _session.Succeeds(DocumentLines.GuestDns.Replace("<my DNS server>", "10.0.0.53", StringComparison.Ordinal));

        Assert.Equal([NetInterfaceSelector.ByAlias("Ethernet"), "10.0.0.53", null], Assert.Single(_host.Changes).Arguments);
    }
}
