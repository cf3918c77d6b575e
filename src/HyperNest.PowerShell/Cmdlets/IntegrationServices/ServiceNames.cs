using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.IntegrationServices;

/// <summary>
/// -Name of the integration-service cmdlets: case-insensitive, with wildcards. A plain name that is no
/// service of the VM is reported; a wildcard that matches none is silently empty (as Get-VM's -Name).
/// </summary>
internal static class ServiceNames
{
    public static IEnumerable<VmIntegrationComponent> Select(IReadOnlyList<VmIntegrationComponent> services, IReadOnlyList<string>? patterns, string vmName, Action<ErrorRecord> writeError)
    {
        if (patterns is null)
        {
            return services;
        }

        foreach (var missing in patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p) && !services.Any(s => string.Equals(s.Name, p, StringComparison.OrdinalIgnoreCase))))
        {
            writeError(new ErrorRecord(
                new ItemNotFoundException($"No integration service named '{missing}' was found for virtual machine '{vmName}'. Get-VMIntegrationService -VMName '{vmName}' lists them: " +
                    string.Join(", ", services.Select(s => $"'{s.Name}'")) + "."),
                "ObjectNotFound", ErrorCategory.ObjectNotFound, missing));
        }

        return services.Where(s => patterns.Any(p => new WildcardPattern(p, WildcardOptions.IgnoreCase).IsMatch(s.Name)));
    }
}
