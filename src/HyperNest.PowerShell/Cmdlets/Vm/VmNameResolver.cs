using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

/// <summary>
/// Turns -Name patterns or -VM objects into the VM names a cmdlet acts on. A plain name that matches
/// nothing is an error (as in Hyper-V); a wildcard that matches nothing is silently empty.
/// </summary>
internal static class VmNameResolver
{
    public static IReadOnlyList<string> Resolve(IVirtualizationHost host, IEnumerable<string>? patterns, IEnumerable<VirtualMachine>? objects)
    {
        if (objects is not null)
        {
            return objects.Select(vm => vm.Name).ToList();
        }

        var names = new List<string>();
        IReadOnlyList<VirtualMachine>? all = null;
        foreach (var pattern in patterns ?? [])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                names.Add(pattern);
                continue;
            }

            all ??= host.GetVms();
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            names.AddRange(all.Where(vm => wildcard.IsMatch(vm.Name)).Select(vm => vm.Name));
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Acts on each target VM on its own: a HostException for one VM becomes that VM's error record
    /// (through <paramref name="onError"/>) and the others still run, as Hyper-V's cmdlets do.
    /// </summary>
    public static void ForEach(IVirtualizationHost host, IEnumerable<string>? patterns, IEnumerable<VirtualMachine>? objects, Action<string> act, Action<HostException> onError)
    {
        foreach (var name in Resolve(host, patterns, objects))
        {
            try
            {
                act(name);
            }
            catch (HostException ex)
            {
                onError(ex);
            }
        }
    }
}
