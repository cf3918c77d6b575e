using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

[Cmdlet("Remove", "VMNetworkAdapter", DefaultParameterSetName = ByName, Synopsis = "Removes a network adapter from a VM.")]
public sealed class RemoveVmNetworkAdapterCommand : VmNetworkAdapterCmdlet
{
    /// <summary>Mandatory with -VMName, as in Hyper-V: removing every adapter of a VM should be asked for by name.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 1)]
    [Alias("VMNetworkAdapterName")]
    public string? Name { get; set; }

    protected override string? AdapterName => Name;

    protected override void Act(VmNetworkAdapter adapter) => Host.RemoveVmNetworkAdapter(adapter.VMName, adapter.AdapterId);
}
