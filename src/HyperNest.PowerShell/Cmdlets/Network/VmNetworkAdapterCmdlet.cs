using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>
/// Base of the cmdlets that act on existing VM network adapters: named by -VMName (wildcards) and an
/// optional adapter name, or given as -VMNetworkAdapter objects from the pipeline
/// (Get-VMNetworkAdapter -VMName x | Set-VMNetworkAdapter …). Cmdlets whose Hyper-V counterpart also takes
/// -VM objects or -ManagementOS declare those parameter sets (<see cref="ByVm"/>, <see cref="ManagementOs"/>)
/// and hand the objects over through <see cref="VmObjects"/>. The host knows an adapter by (VMName, AdapterId).
/// Each adapter is handled on its own: a refusal for one becomes its error record and the rest still run.
/// </summary>
public abstract class VmNetworkAdapterCmdlet : HyperNestCmdlet
{
    protected const string ByName = "VMName";
    protected const string ByObject = "Object";
    protected const string ByVm = "VMObject";
    protected const string ManagementOs = "ManagementOS";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VmNetworkAdapter[]? VMNetworkAdapter { get; set; }

    /// <summary>The adapter name (wildcards allowed) given with -VMName, -VM or -ManagementOS; null means every adapter.</summary>
    protected abstract string? AdapterName { get; }

    /// <summary>The -VM objects of cmdlets that declare the VMObject parameter set.</summary>
    protected virtual IEnumerable<VirtualMachine>? VmObjects => null;

    protected override void Process()
    {
        switch (ParameterSetName)
        {
            case ByObject:
                ForEachAdapter(VMNetworkAdapter ?? []);
                break;
            case ManagementOs:
                ForEachAdapter(Virtualization.GetManagementOsNetworkAdapters().Where(a => NameMatches(a.Name)));
                break;
            default:
                var byVm = ParameterSetName == ByVm;
                VmNameResolver.ForEach(Virtualization, byVm ? null : VMName, byVm ? VmObjects : null, vmName => ForEachAdapter(AdaptersOf(vmName)), WriteError);
                break;
        }
    }

    /// <summary>Acts on one adapter (the host call) and writes what the cmdlet outputs.</summary>
    protected abstract void Act(VmNetworkAdapter adapter);

    /// <summary>How -WhatIf and -Confirm name an adapter: "Network Adapter" of VM "L1".</summary>
    protected static string Target(VmNetworkAdapter adapter) =>
        adapter.IsManagementOs ? $"'{adapter.Name}' of the management OS" : $"'{adapter.Name}' of virtual machine '{adapter.VMName}'";

    private bool NameMatches(string name) => AdapterName is null || new WildcardPattern(AdapterName, WildcardOptions.IgnoreCase).IsMatch(name);

    private IReadOnlyList<VmNetworkAdapter> AdaptersOf(string vmName)
    {
        var adapters = Virtualization.GetVmNetworkAdapters(vmName).Where(a => NameMatches(a.Name)).ToList();
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
