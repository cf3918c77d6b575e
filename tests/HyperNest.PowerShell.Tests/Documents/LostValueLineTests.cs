using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Documents;

/// <summary>
/// The guide's NAT lines as its page renders them, values and a line break lost: PowerShell's own binding
/// errors name what is wrong, and nothing reaches the host (the pipeline never starts).
/// </summary>
public sealed class LostValueLineTests : IDisposable
{
    private readonly NetworkHostRecorder _host;
    private readonly PowerShellSession _session;

    public LostValueLineTests()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        recorder.NetAdapters.AddRange([NetworkHostRecorder.NetAdapter("Ethernet", 2, "eth0"), NetworkHostRecorder.NetAdapter("vEthernet (VmNat)", 5, "hn-vmnat")]);
        _host = recorder;
        _session = new PowerShellSession(host);
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Invoke_SwitchAndNatRunTogether_NameBoundTwice()
    {
        var error = _session.Fails(DocumentLines.NatSwitchAndNat);

        Assert.Equal("ParameterAlreadyBound", error.ErrorId());
        Assert.Contains("parameter 'Name' is specified more than once", error.Message(), StringComparison.Ordinal);
        Assert.Empty(_host.Calls);
    }

    [Theory]
    [InlineData(DocumentLines.NatAdapterAddress)]
    [InlineData(DocumentLines.GuestAddress)]
    public void Invoke_AddressLost_MissingArgumentForIPAddress(string line)
    {
        var error = _session.Fails(line);

        Assert.Equal("MissingArgument", error.ErrorId());
        Assert.Contains("Missing an argument for parameter 'IPAddress'", error.Message(), StringComparison.Ordinal);
        Assert.Empty(_host.Calls);
    }
}
