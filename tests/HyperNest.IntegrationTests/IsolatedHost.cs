using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using HyperNest.Api;
using HyperNest.Cli;
using HyperNest.Hosting;
using HyperNest.PowerShell.Hosting;

namespace HyperNest.IntegrationTests;

/// <summary>
/// A HyperNest host with its own temp HYPERNEST_HOME (images come from the shared cache), driven through
/// a real PowerShell runspace made as the hypernest executable makes its own (HyperNest imported), with
/// $ErrorActionPreference = 'Stop' so a script stops at its first error as the old -c did. Its host is a client of the home's
/// hypernestd, as the cmdlets' is. Dispose kills every QEMU process and the service started under that home, even when a test failed,
/// and requires the test run to be in a network namespace of its own (./test.sh uses unshare -n).
/// </summary>
public sealed class IsolatedHost : IDisposable
{
    private readonly Runspace _runspace;

    public IsolatedHost()
    {
        RequireOwnNetworkNamespace();
        Home = Directory.CreateTempSubdirectory("hn-it-").FullName;
        // Namespaces share the machine's /etc: the DNS cmdlets must not write its resolv.conf.
        Paths = new HostPaths(Home, HostPaths.FromEnvironment().Cache) { ResolverConfiguration = Path.Combine(Home, "resolv.conf") };
        // The cmdlets' own path: a client of this home's hypernestd, which the first call starts.
        Host = new ServiceClient(Paths);
        _runspace = RunspaceFactory.CreateRunspace(CommandLine.CreateSessionState());
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("ErrorActionPreference", ActionPreference.Stop);
        HostConnection.Attach(_runspace, Host);
    }

    public string Home { get; }

    public HostPaths Paths { get; }

    public IVirtualizationHost Host { get; }

    /// <summary>A name no other test or run uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs cmdlet lines; returns the text they printed. Fails the test with the error output when a statement fails.</summary>
    public string Run(string script)
    {
        var (succeeded, output, errors) = TryRun(script);
        Assert.True(succeeded, $"'{script}' failed:\n{errors}\n{output}");
        return output;
    }

    /// <summary>Runs a script; its output as PowerShell prints it, and its errors as the console shows them (with FullyQualifiedErrorId).</summary>
    public (bool Succeeded, string Output, string Errors) TryRun(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create(_runspace);
        shell.AddScript(script).AddCommand("Out-String").AddParameter("Stream").AddParameter("Width", 250);
        var output = new PSDataCollection<PSObject>();
        var errors = new StringBuilder();
        try
        {
            shell.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            Describe(errors, ex.ErrorRecord);
        }

        foreach (var record in shell.Streams.Error)
        {
            Describe(errors, record);
        }

        var text = string.Join('\n', output.Select(line => line.ToString()));
        return (errors.Length == 0 && !shell.HadErrors, text, errors.ToString());
    }

    /// <summary>
    /// Runs a script block in the guest through one PowerShell Direct session per VM, kept for the test's next
    /// looks (a session's first command warms the guest's endpoint up; polls make many); its printed output.
    /// </summary>
    public string InGuest(string vm, string script) =>
        Run($"if (-not $global:guests) {{ $global:guests = @{{}} }}; if (-not $global:guests['{vm}']) {{ $global:guests['{vm}'] = New-PSSession -VMName {vm} }}; " +
            $"Invoke-Command -Session $global:guests['{vm}'] -ScriptBlock {{ {script} }}");

    /// <summary>The guest's own MemTotal, in bytes.</summary>
    public long GuestMemTotal(string vm) =>
        long.Parse(InGuest(vm, "((Get-Content /proc/meminfo)[0] -split '\\s+')[1]").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private static void Describe(StringBuilder errors, ErrorRecord record) =>
        errors.AppendLine(record.ToString())
            .AppendLine($"    + CategoryInfo          : {record.CategoryInfo}")
            .AppendLine($"    + FullyQualifiedErrorId : {record.FullyQualifiedErrorId}");

    /// <summary>The serial console of every VM, for a failure message.</summary>
    public string Consoles()
    {
        var text = new StringBuilder();
        if (!Directory.Exists(Paths.RuntimeRoot))
        {
            return "(no VM was started)";
        }

        foreach (var log in Directory.EnumerateFiles(Paths.RuntimeRoot, "*.log", SearchOption.AllDirectories))
        {
            text.AppendLine($"--- {log}").AppendLine(string.Join('\n', File.ReadLines(log).TakeLast(40)));
        }

        return text.ToString();
    }

    public void Dispose()
    {
        // QEMU goes first (a failed test may have left a guest mid-boot), the service then cleans up the
        // network, and goes last with anything else of the home's.
        ProcessSweeper.KillProcessesMentioning(Home, spare: new ServiceEndpoint(Paths).ServicePid());
        RemoveNetworkConfiguration();
        _runspace.Dispose();
        ProcessSweeper.KillProcessesMentioning(Home);
        Directory.Delete(Home, recursive: true);
    }

    /// <summary>
    /// Leaves the test namespace as it was, even after a failure: the killed VMs' taps go when the host
    /// notices them dead (Get-VM), then every switch (its bridge, bound NIC and addresses) and NAT.
    /// </summary>
    private void RemoveNetworkConfiguration()
    {
        if (!File.Exists(Paths.StateDatabase))
        {
            return;
        }

        try
        {
            _ = Host.GetVms();
            foreach (var vmSwitch in Host.GetVmSwitches())
            {
                Host.RemoveVmSwitch(vmSwitch.Name, force: true);
            }

            if (Host.GetNetNats().Count > 0)
            {
                Host.RemoveNetNat("");
            }
        }
        catch (HostException ex)
        {
            Console.Error.WriteLine($"IsolatedHost cleanup: {ex.Message}");
        }
    }

    /// <summary>
    /// test.sh records the machine's network namespace in HYPERNEST_TEST_HOST_NETNS before unshare -n;
    /// the test process must be in another one. (/proc/1/ns/net is not readable in every sandbox.)
    /// </summary>
    internal static void RequireOwnNetworkNamespace()
    {
        var machine = Environment.GetEnvironmentVariable("HYPERNEST_TEST_HOST_NETNS");
        var mine = new FileInfo("/proc/self/ns/net").LinkTarget;
        Assert.True(
            !string.IsNullOrEmpty(machine) && mine is not null && mine != machine,
            "Integration tests boot real guests and must run as root in a network namespace of their own: run ./test.sh (it uses unshare -n).");
    }
}
