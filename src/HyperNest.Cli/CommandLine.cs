using System.Management.Automation.Runspaces;
using HyperNest.Hosting;
using HyperNest.Remoting;
using HyperNest.PowerShell.Hosting;
using Microsoft.PowerShell;

namespace HyperNest.Cli;

/// <summary>
/// The hypernest executable: PowerShell 7's own console host (pwsh's parameters: -c/-Command, -File
/// script.ps1 args…, -NoProfile, interactive prompt with history and tab completion) with the HyperNest
/// module imported. Three flags are ours and need no PowerShell engine: -RestoreNetwork, the boot hook,
/// -ApplyAutomaticStopActions, the shutdown hook, and -PowerShellDirectEndpoint, the guest's end of PowerShell Direct.
/// </summary>
internal static class CommandLine
{
    public static int Run(string[] args)
    {
        // Before the engine: the guest boot hook runs this with no console and needs nothing of PowerShell.
        if (args.Length > 0 && args[0].ToLowerInvariant() is "-restorenetwork" or "--restore-network")
        {
            if (args.Length == 1)
            {
                return RestoreNetwork(HostFactory.CreateDefault, Console.Error);
            }

            return Usage($"'{string.Join(' ', args)}' is not understood: -RestoreNetwork takes no arguments.");
        }

        // The machine's shutdown (the hypernest-guests unit): no console, no engine.
        if (args.Length > 0 && args[0].Equals("-ApplyAutomaticStopActions", StringComparison.OrdinalIgnoreCase))
        {
            return args.Length == 1
                ? ApplyAutomaticStopActions(HostFactory.CreateDefault, Console.Out, Console.Error)
                : Usage($"'{string.Join(' ', args)}' is not understood: -ApplyAutomaticStopActions takes no arguments.");
        }

        // The guest's PowerShell Direct endpoint (started by init): a relay that itself needs no engine.
        if (args.Length > 0 && args[0].Equals("-PowerShellDirectEndpoint", StringComparison.OrdinalIgnoreCase))
        {
            return args.Length == 2
                ? ServePowerShellDirect(args[1])
                : Usage($"'{string.Join(' ', args)}' is not understood: -PowerShellDirectEndpoint takes the port's path (or - for stdin and stdout).");
        }

        if (DocumentPlaceholders.ScriptOf(args) is { } script && DocumentPlaceholders.Find(script) is { } placeholder)
        {
            Console.Error.WriteLine(placeholder);
            return 1;
        }

        PlainTextWhenRedirected();
        NoTelemetryOrUpdateCheck();
        SessionServerWarmUp.RunIfSessionServer(args);
        return ConsoleShell.Start(CreateSessionState(), Banner, Help, args);
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("hypernest: " + message);
        return 2;
    }

    /// <summary>
    /// hypernest -PowerShellDirectEndpoint &lt;port&gt;: serves PowerShell Direct sessions on the guest's virtio-serial
    /// port until killed; with "-", on stdin and stdout once (how tests drive it without a VM).
    /// </summary>
    private static int ServePowerShellDirect(string port)
    {
        if (port != "-")
        {
            return PowerShellDirectEndpoint.Run(port, Console.Error);
        }

        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        using var stdio = new DuplexStream(Console.OpenStandardInput(), Console.OpenStandardOutput());
        new PowerShellDirectEndpoint(stdio, Console.Error, () => SessionServer.Start(executable)).Serve(CancellationToken.None, untilEnd: true);
        return 0;
    }

    /// <summary>PowerShell's default session (built-in cmdlets, formats, types) with HyperNest imported.</summary>
    public static InitialSessionState CreateSessionState()
    {
        var state = InitialSessionState.CreateDefault();
        state.ImportPSModule(ModuleLayout.Manifest(AppContext.BaseDirectory));
        return state;
    }

    /// <summary>
    /// hypernest -RestoreNetwork: re-applies the stored network configuration after a reboot. Any
    /// failure (no state, a half-implemented backend, a command that fails) is printed and exits 1,
    /// so the boot log says why the network is not back.
    /// </summary>
    internal static int RestoreNetwork(Func<IVirtualizationHost> createHost, TextWriter errors)
    {
        try
        {
            using var host = createHost();
            host.RestoreNetwork();
            return 0;
        }
        catch (Exception ex)
        {
            errors.WriteLine($"hypernest: -RestoreNetwork failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// hypernest -ApplyAutomaticStopActions: the machine shuts down, so each running VM is saved, turned off
    /// or shut down as its AutomaticStopAction says. A line per VM; exits 1 when any could not (the
    /// shutdown's log says which and why).
    /// </summary>
    internal static int ApplyAutomaticStopActions(Func<IVirtualizationHost> createHost, TextWriter output, TextWriter errors)
    {
        try
        {
            using var host = createHost();
            var failed = 0;
            foreach (var result in host.ApplyAutomaticStopActions())
            {
                if (result.Error is null)
                {
                    output.WriteLine($"hypernest: '{result.VMName}' is {result.State} ({result.Action}).");
                }
                else
                {
                    failed++;
                    errors.WriteLine($"hypernest: '{result.VMName}' ({result.Action}): {result.Error}");
                }
            }

            return failed == 0 ? 0 : 1;
        }
        catch (Exception ex)
        {
            errors.WriteLine($"hypernest: -ApplyAutomaticStopActions failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Output that goes to a file, a pipe or a guest agent carries no colour escapes (the console host
    /// would otherwise colour table headers and errors even there); PowerShell honours NO_COLOR.
    /// </summary>
    private static void PlainTextWhenRedirected()
    {
        if ((Console.IsOutputRedirected || Console.IsErrorRedirected) && Environment.GetEnvironmentVariable("NO_COLOR") is null)
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
        }
    }

    /// <summary>
    /// pwsh's console host sends start-up telemetry to Microsoft and, interactively, asks GitHub for newer
    /// pwsh releases, unless told not to. HyperNest is not pwsh: it sends nothing anywhere unasked (and its
    /// hosts and guests often have no route out); skipping the telemetry client also saves start-up time
    /// (the Application Insights assembly is not precompiled). A value the user set is kept.
    /// </summary>
    private static void NoTelemetryOrUpdateCheck()
    {
        foreach (var (name, value) in new[] { ("POWERSHELL_TELEMETRY_OPTOUT", "1"), ("POWERSHELL_UPDATECHECK", "Off") })
        {
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    private const string Banner = "HyperNest (PowerShell {0}) - Hyper-V's cmdlets on Linux. Get-Command -Module HyperNest lists them.";

    private const string Help = """
        Usage: hypernest [-NoProfile] [-Command '<script>' | -File <script.ps1> [arguments]]
               hypernest -RestoreNetwork     re-apply the stored switches, addresses, NATs and DNS (boot hook)
               hypernest -ApplyAutomaticStopActions
                                             save, turn off or shut down each running VM as its
                                             AutomaticStopAction says (shutdown hook)
        Any other pwsh parameter works as in pwsh (hypernest -? lists them).
        """;
}
