using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Documents;

/// <summary>The documents' Set-VMProcessor lines with the VM's name filled in reach the host API as written.</summary>
public sealed class NestedVirtualizationLineTests : IDisposable
{
    private readonly HostStub _host;
    private readonly PowerShellSession _session;

    public NestedVirtualizationLineTests()
    {
        var (host, stub) = HostStub.Create();
        stub.Answers[nameof(IVirtualizationHost.SetVmProcessor)] = a => new VmProcessor { VMName = (string)a[0]!, VMId = Guid.NewGuid() };
        _host = stub;
        _session = new PowerShellSession(host);
    }

    public void Dispose() => _session.Dispose();

    [Theory]
    [InlineData(DocumentLines.EnableNested, true)]
    [InlineData(DocumentLines.DisableNested, false)]
    public void Invoke_SetVMProcessorLine_SetsExposeVirtualizationExtensions(string line, bool expose)
    {
        _session.Succeeds(line.Replace("<VMName>", "L1", StringComparison.Ordinal));

        var call = Assert.Single(_host.Calls);
        Assert.Equal(
            (nameof(IVirtualizationHost.SetVmProcessor), "L1", new SetProcessorRequest { ExposeVirtualizationExtensions = expose }),
            (call.Method, (string)call.Arguments[0]!, (SetProcessorRequest)call.Arguments[1]!));
    }
}
