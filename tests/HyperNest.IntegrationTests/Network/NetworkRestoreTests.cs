using HyperNest.Network.Nftables;

namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// The stored configuration survives a reboot: a fresh network namespace has what a rebooted kernel has
/// (no bridges, addresses, tables, forwarding off), and the first HyperNest action there re-applies it.
/// Each step runs the real CLI under its own `unshare --net`.
/// </summary>
public sealed class NetworkRestoreTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-restore-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void FreshNamespace_GetsSwitchAddressNatAndDnsBack()
    {
        var configure = InFreshNamespace(
            "hypernest -c 'New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null; " +
            "New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null; " +
            "Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null; " +
            "Set-DnsClientServerAddress -InterfaceAlias \"vEthernet (VmNat)\" -ServerAddresses 192.168.100.53'");
        Assert.True(configure.ExitCode == 0, configure.ToString());
        File.Delete(ResolverFile);
        // A reboot ends the home's service with the kernel's state; the next command starts a new one.
        StopService();

        var restored = InFreshNamespace(
            "hypernest -c 'Get-NetIPAddress | Out-Null' && ip -o addr show && ip -o link show && nft list table inet " + NatRuleset.TableName(_home) + " && cat /proc/sys/net/ipv4/ip_forward");

        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Contains("inet 192.168.100.1/24", restored.Output, StringComparison.Ordinal);
        Assert.Contains("alias vEthernet (VmNAT)", restored.Output, StringComparison.Ordinal);
        Assert.Contains("masquerade", restored.Output, StringComparison.Ordinal);
        Assert.EndsWith("1", restored.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("nameserver 192.168.100.53", File.ReadAllText(ResolverFile), StringComparison.Ordinal);
    }

    private string ResolverFile => Path.Combine(_home, "resolv.conf");

    private void StopService() => ProcessSweeper.StopService(_home);

    private FreshNamespace.Outcome InFreshNamespace(string script) => FreshNamespace.Run(_home, ResolverFile, script);
}
