using System.Management.Automation;
using System.Management.Automation.Runspaces;
using HyperNest.Remoting;

namespace HyperNest.Cli;

/// <summary>
/// A PowerShell Direct server in the guest is started before any session asks for it (the endpoint's spare),
/// so it can pay the engine's first-use costs while nobody waits: open a runspace, load HyperNest, serialize
/// an object as remoting will. Under TCG this moves seconds out of the first command of every session. It also
/// records the process's environment, which every session of the server starts from (SessionServerState).
/// </summary>
internal static class SessionServerWarmUp
{
    private const string WarmUpScript =
        "Import-Module HyperNest; $null = [System.Management.Automation.PSSerializer]::Serialize((Get-Command Get-VM))";

    public static void RunIfSessionServer(string[] args)
    {
        if (Environment.GetEnvironmentVariable(SessionServer.WarmUpVariable) != "1" || !args.Contains("-s", StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        // The sessions' own runspaces must not inherit the server's variables (a server started from a session is
        // not a spare, and a program a session runs keeps .NET's defaults); what the process has now is what every
        // session starts from.
        foreach (var variable in SessionServer.ServerOnlyVariables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        SessionServer.IsThisProcess = true;
        SessionServerState.Capture();
        try
        {
            using var powerShell = System.Management.Automation.PowerShell.Create(InitialSessionState.CreateDefault2());
            powerShell.AddScript(WarmUpScript).Invoke();
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // Only a head start: the session loads what it needs itself, and reports what fails then.
        }
    }
}
