using System.Diagnostics;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// DNS servers per link through systemd-resolved: Debian's own resolved (unpacked by test.sh, never
/// installed), on a system bus of the test's own, in a network and mount namespace of the test's own. The
/// mount namespace gives the sandbox its own /run (the bus socket, resolved's /run/systemd/resolve) and a
/// /sys that shows its network namespace's links, as `ip netns exec` does; the machine's resolver and bus
/// are not touched.
/// </summary>
public sealed class ResolvedDnsTests : IDisposable
{
    private const string ResolvedDirectory = "/var/cache/hypernest/test-tools/systemd-resolved";

    private readonly string _home = Directory.CreateTempSubdirectory("hn-resolved-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        foreach (var pidFile in new[] { "resolved.pid", "bus.pid" }.Select(f => Path.Combine(_home, f)).Where(File.Exists))
        {
            try
            {
                Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        ProcessSweeper.KillProcessesMentioning(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void AnInterfacesDnsServers_AreItsLinksInResolved_TheResolverFileIsLeftAlone_AResetRevertsTheLink()
    {
        var outcome = WithResolved(
            "hypernest -c 'New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; Set-DnsClientServerAddress -InterfaceAlias \"vEthernet (VmNAT)\" -ServerAddresses 10.0.0.53,fd00::53'\n" +
            "index=$(hypernest -c '(Get-NetAdapter -Name \"vEthernet (VmNAT)\").ifIndex')\n" +
            "echo \"== set\"; resolvectl dns \"$index\"\n" +
            "hypernest -c 'Set-DnsClientServerAddress -InterfaceAlias \"vEthernet (VmNAT)\" -ResetServerAddresses'\n" +
            "echo \"== reset\"; resolvectl dns \"$index\"\n");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var set = Section(outcome.Output, "== set");
        var reset = Section(outcome.Output, "== reset");
        Assert.Matches(@"Link \d+ \(\S+\): 10\.0\.0\.53 fd00::53", set);
        Assert.Matches(@"Link \d+ \(\S+\):\s*$", reset);
        Assert.False(File.Exists(ResolverFile), $"the resolver file was written although resolved serves the namespace: {(File.Exists(ResolverFile) ? File.ReadAllText(ResolverFile) : "")}");
    }

    [Fact]
    public void ResolvedServingAnotherNetworkNamespace_IsNotTold_TheResolverFileIsWritten()
    {
        // The bus is shared, as a machine's system bus is shared by its namespaces; HyperNest runs in a
        // network namespace inside the one resolved serves, so resolved's link indexes are not its links.
        var outcome = WithResolved(
            "unshare --net -- bash -c 'ip link set lo up; hypernest() { dotnet \"$CLI\" \"$@\"; }; " +
            "hypernest -c \"New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; Set-DnsClientServerAddress -InterfaceAlias \\\"vEthernet (VmNAT)\\\" -ServerAddresses 10.0.0.53\"'\n" +
            "echo \"== resolved\"; resolvectl dns\n");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.DoesNotContain("10.0.0.53", Section(outcome.Output, "== resolved"), StringComparison.Ordinal);
        Assert.Contains("nameserver 10.0.0.53", File.ReadAllText(ResolverFile), StringComparison.Ordinal);
    }

    private string ResolverFile => Path.Combine(_home, "resolv.conf");

    private static string Section(string output, string marker) =>
        output.Contains(marker, StringComparison.Ordinal) ? output[(output.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Split("== ")[0] : "";

    /// <summary>Runs <paramref name="script"/> (bash, with FreshNamespace's `hypernest`, and `resolvectl`) once resolved answers on the sandbox's bus.</summary>
    private FreshNamespace.Outcome WithResolved(string script)
    {
        var resolved = Path.Combine(ResolvedDirectory, "lib/systemd/systemd-resolved");
        Assert.True(File.Exists(resolved), $"{resolved} is missing: test.sh unpacks it (scripts/setup.sh, hn_fetch_resolved).");
        File.WriteAllText(Path.Combine(_home, "bus.conf"), $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>system</type>
              <listen>unix:path=/run/dbus/system_bus_socket</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow own="*"/>
                <allow send_destination="*"/>
                <allow receive_sender="*"/>
              </policy>
            </busconfig>
            """);
        var sandbox = $$"""
            set -euo pipefail
            mount -t sysfs sysfs /sys
            mount -t tmpfs tmpfs /run
            mkdir -p /run/systemd/resolve /run/dbus && chown nobody:nogroup /run/systemd/resolve
            # The system bus at its usual path, in this sandbox's own /run (resolved runs as nobody, who could not enter the home).
            dbus-daemon --config-file='{{_home}}/bus.conf' --fork --print-pid > '{{_home}}/bus.pid'
            export CLI='{{FreshNamespace.Cli}}'
            # resolved drops to its own user when started as root; nobody with the capabilities it keeps stands in.
            caps=+net_bind_service,+net_raw,+setpcap
            setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=$caps --ambient-caps=$caps '{{resolved}}' > '{{_home}}/resolved.log' 2>&1 &
            echo $! > '{{_home}}/resolved.pid'
            resolvectl() { '{{ResolvedDirectory}}/usr/bin/resolvectl' "$@"; }
            for i in $(seq 100); do resolvectl status >/dev/null 2>&1 && break; sleep 0.1; done
            """;
        var outcome = FreshNamespace.Run(_home, ResolverFile, sandbox + "\n" + script, ownMountNamespace: true);
        var log = Path.Combine(_home, "resolved.log");
        return outcome with { Errors = outcome.Errors + (File.Exists(log) ? "\nresolved's log:\n" + File.ReadAllText(log) : "") };
    }
}
