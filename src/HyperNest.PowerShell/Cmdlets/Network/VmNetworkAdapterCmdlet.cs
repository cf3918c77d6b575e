using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Base of the cmdlets that act on existing VM network adapters: named by -VMName (wildcards) and an
/// optional adapter name, or given as -VMNetworkAdapter objects from the pipeline
/// (Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter …). The host knows an adapter by (VMName, AdapterId).
/// Each adapter is handled on its own: a refusal for one becomes its error record and the rest still run.
/// </summary>
public abstract class VmNetworkAdapterCmdlet : HyperNestCmdlet
{
    protected const string ByName = "VMName";
    protected const string ByObject = "Object";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public VmNetworkAdapter[]? VMNetworkAdapter { get; set; }

    /// <summary>The adapter name (wildcards allowed) given with -VMName; null means every adapter of the VM.</summary>
    protected abstract string? AdapterName { get; }

    protected override void Process()
    {
        if (ParameterSetName == ByObject)
        {
            ForEachAdapter(VMNetworkAdapter ?? []);
            return;
        }

        VmNameResolver.ForEach(Virtualization, VMName, null, vmName => ForEachAdapter(AdaptersOf(vmName)), WriteError);
    }

    /// <summary>Acts on one adapter (the host call) and writes what the cmdlet outputs.</summary>
    protected abstract void Act(VmNetworkAdapter adapter);

    /// <summary>How -WhatIf and -Confirm name an adapter: "Network Adapter" of VM "L1".</summary>
    protected static string Target(VmNetworkAdapter adapter) =>
        adapter.IsManagementOs ? $"'{adapter.Name}' of the management OS" : $"'{adapter.Name}' of virtual machine '{adapter.VMName}'";

    private IReadOnlyList<VmNetworkAdapter> AdaptersOf(string vmName)
    {
        var adapters = Virtualization.GetVmNetworkAdapters(vmName)
            .Where(a => AdapterName is null || new WildcardPattern(AdapterName, WildcardOptions.IgnoreCase).IsMatch(a.Name))
            .ToList();
        if (adapters.Count == 0 && AdapterName is not null && !WildcardPattern.ContainsWildcardCharacters(AdapterName))
        {
            WriteError(CreateError(
                $"No network adapter named '{AdapterName}' was found on virtual machine '{vmName}'. Get-VMNetworkAdapter -VMName {vmName} lists its adapters.",
                ErrorCategory.ObjectNotFound, "AdapterNotFound", AdapterName));
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
