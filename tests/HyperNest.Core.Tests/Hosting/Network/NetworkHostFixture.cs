using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Hosting.Network;

/// <summary>A host over the fake kernel with one NIC (eth0, "Ethernet") as a fresh machine has it.</summary>
internal sealed class NetworkHostFixture : IDisposable
{
    private readonly HostFixture _inner = new();

    public NetworkHostFixture()
    {
        Network.AddNic("eth0");
        Host.Warning += (_, message) => Warnings.Add(message);
    }

    public VirtualizationHost Host => _inner.Host;

    public FakeNetworkBackend Network => _inner.Network;

    public FakeVmBackend Backend => _inner.Backend;

    public List<string> Warnings { get; } = [];

    public VmSwitch Internal(string name = "VmNAT") => Host.NewVmSwitch(new NewVmSwitchRequest { Name = name, SwitchType = VmSwitchType.Internal });

    public VmSwitch Private(string name = "Lab") => Host.NewVmSwitch(new NewVmSwitchRequest { Name = name, SwitchType = VmSwitchType.Private });

    public VirtualMachine Vm(string name, string? switchName) => Host.NewVm(new NewVmRequest { Name = name, NoVhd = true, SwitchName = switchName });

    public VmNetworkAdapter Adapter(string vmName) => Assert.Single(Host.GetVmNetworkAdapters(vmName));

    /// <summary>The bridge port-guard table as applied, or null when HyperNest holds none.</summary>
    public string? Guards => Network.Tables.GetValueOrDefault($"bridge {PortGuardRuleset.TableName(_inner.Paths.Home)}");

    public string? Nat => Network.Tables.GetValueOrDefault($"inet {NatRuleset.TableName(_inner.Paths.Home)}");

    public IReadOnlyList<string> HyperNestLinks => Network.Links.Where(l => l.Name.StartsWith("hn", StringComparison.Ordinal)).Select(l => l.Name).ToList();

    public void Dispose() => _inner.Dispose();
}
