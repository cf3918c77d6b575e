using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Remoting;

namespace HyperNest.PowerShell.Hosting;

/// <summary>
/// The host API each runspace talks to: a client of the home's hypernestd (started if it is not running),
/// made on the first HyperNest cmdlet the runspace runs (so Get-Help, Get-Command and parsing need no
/// service) and disposed when the runspace closes. Tests attach a host of their own before running cmdlets.
/// </summary>
public static class HostConnection
{
    private static readonly ConditionalWeakTable<Runspace, IVirtualizationHost> Hosts = new();

    /// <summary>Attaches <paramref name="host"/> to <paramref name="runspace"/>; it is disposed with the runspace.</summary>
    public static void Attach(Runspace runspace, IVirtualizationHost host)
    {
        ArgumentNullException.ThrowIfNull(runspace);
        Hosts.AddOrUpdate(runspace, host);
        DisposeOnClose(runspace, host);
    }

    /// <summary>The host of the runspace the calling pipeline runs in, created from the environment (HYPERNEST_HOME …) on first use.</summary>
    internal static IVirtualizationHost ForCurrentRunspace()
    {
        var runspace = Runspace.DefaultRunspace
            ?? throw new InvalidOperationException("HyperNest cmdlets run inside a PowerShell runspace.");
        return Hosts.GetValue(runspace, CreateDefault);
    }

    private static IVirtualizationHost CreateDefault(Runspace runspace)
    {
        // A guest's PowerShell Direct session runs the host API itself (see SessionServer.IsThisProcess).
        var host = SessionServer.IsThisProcess ? HostFactory.CreateDefault() : new ServiceClient(HostPaths.FromEnvironment());
        DisposeOnClose(runspace, host);
        return host;
    }

    private static void DisposeOnClose(Runspace runspace, IVirtualizationHost host) =>
        runspace.StateChanged += (_, e) =>
        {
            if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
            {
                host.Dispose();
            }
        };
}
