using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Commands.Vm;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Base of the cmdlets that act on existing VM network adapters: named by -VMName (wildcards) and an
/// optional adapter name, or given as -VMNetworkAdapter objects from the pipeline
/// (Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter …). The host knows an adapter by (VMName, AdapterId).
/// Each adapter is handled on its own: a refusal for one becomes its error record and the rest still run.
/// </summary>
public abstract class VmNetworkAdapterCmdlet : Cmdlet
{
    protected const string ByName = "VMName";
    protected const string ByObject = "Object";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public VmNetworkAdapter[]? VMNetworkAdapter { get; set; }

    /// <summary>The adapter name (wildcards allowed) given with -VMName; null means every adapter of the VM.</summary>
    protected abstract string? AdapterName { get; }

    protected internal override void ProcessRecord()
    {
        if (ParameterSetName == ByObject)
        {
            ForEachAdapter(VMNetworkAdapter ?? []);
            return;
        }

        VmNameResolver.ForEach(Host, VMName, null, vmName => ForEachAdapter(AdaptersOf(vmName)), WriteError);
    }

    /// <summary>Acts on one adapter (the host call) and writes what the cmdlet outputs.</summary>
    protected abstract void Act(VmNetworkAdapter adapter);

    private IReadOnlyList<VmNetworkAdapter> AdaptersOf(string vmName)
    {
        var adapters = Host.GetVmNetworkAdapters(vmName)
            .Where(a => AdapterName is null || new WildcardPattern(AdapterName).IsMatch(a.Name))
            .ToList();
        if (adapters.Count == 0 && AdapterName is not null && !WildcardPattern.ContainsWildcards(AdapterName))
        {
            WriteError(new ErrorRecord(
                $"No network adapter named '{AdapterName}' was found on virtual machine '{vmName}'. Get-VMNetworkAdapter -VMName {vmName} lists its adapters.",
                ErrorCategory.ObjectNotFound, "AdapterNotFound", AdapterName, CommandName));
        }

        return adapters;
    }

    private void ForEachAdapter(IEnumerable<VmNetworkAdapter> adapters)
    {
        foreach (var adapter in adapters)
        {
            try
            {
                Act(adapter);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
