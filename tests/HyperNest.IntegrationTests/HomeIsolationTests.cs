using System.Diagnostics;
using System.Runtime.Versioning;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Network.Nftables;

namespace HyperNest.IntegrationTests;

/// <summary>
/// A home is its owner's alone, and its network is its own: another local user can neither read the store
/// or a disk nor reach the service or take a lock; a second home in the same network namespace can create
/// and remove switches and NATs without touching the first home's rules.
/// </summary>
[Collection(GuestCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class HomeIsolationTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly IsolatedHost _a = new();
    private readonly string _disks = Directory.CreateTempSubdirectory("hn-isolation-disks-").FullName;

    public void Dispose()
    {
        _a.Dispose();
        Directory.Delete(_disks, recursive: true);
    }

    [Fact]
    public void AnotherUser_CannotReadTheStoreOrADisk_NorReachTheService_NorTakeALock()
    {
        // A world-readable folder for the user's own disk, as /tmp is.
        File.SetUnixFileMode(_disks, File.GetUnixFileMode(_disks) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var userDisk = Path.Combine(_disks, "data.qcow2");
        _a.Run("New-VM -Name web -Image tiny | Out-Null");
        _a.Run($"New-VM -Name data -NewVHDPath '{userDisk}' -NewVHDSizeBytes 1GB | Out-Null");
        _a.Run("New-VMSwitch -Name lab -SwitchType Internal | Out-Null");
        var overlay = _a.Host.GetVm("web").HardDrivePath!;
        var endpoint = new ServiceEndpoint(_a.Paths);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_a.Home));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_a.Paths.StateDatabase));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(overlay));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(userDisk));

        // The control: nobody can run commands and read what is meant for everyone.
        Assert.Equal(0, AsNobody("cat /etc/hostname").ExitCode);
        foreach (var (what, command) in new[]
        {
            ("read the store", $"cat '{_a.Paths.StateDatabase}'"),
            ("read an image overlay", $"cat '{overlay}'"),
            ("read a disk the user made with -NewVHDPath", $"cat '{userDisk}'"),
            ("connect to the service", $"curl -s --unix-socket '{endpoint.SocketPath}' http://hypernestd/v1/vms"),
            ("take the network lock", $"flock -n '{Path.Combine(_a.Paths.RuntimeRoot, "network.lock")}' true"),
            ("take the service's instance lock", $"flock -n '{endpoint.InstanceLockPath}' true"),
            ("list the home", $"ls '{_a.Home}'"),
        })
        {
            var (exitCode, output) = AsNobody(command);
            Assert.True(exitCode != 0, $"user nobody could {what}: exit 0, {output}");
        }

        // The owner still can: the refusals above are the modes, not broken paths.
        Assert.Equal(2, _a.Host.GetVms().Count);
    }

    [Fact]
    public void ARunningVmsQemu_IsTheUnprivilegedUser_WhichCanReadNothingOfTheHome()
    {
        _a.Run("New-VM -Name confined -Image tiny | Out-Null");
        _a.Run("Start-VM confined 3>$null");
        var vm = _a.Host.GetVm("confined");
        var qemu = Assert.Single(ProcessSweeper.ProcessesMentioning("qemu-system", vm.Id.ToString()));

        var status = File.ReadAllLines($"/proc/{qemu}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        var user = Run("id", ["-u", Qemu.QemuConfinement.UserName]).Output.Trim();
        Assert.Equal(user, status["Uid"].Split('\t')[0]);
        Assert.Equal("0000000000000000", status["CapEff"]);
        Assert.Equal("2", status["Seccomp"]);

        // What the guest's QEMU could do if the guest took it over: nothing with the home.
        foreach (var path in new[] { _a.Paths.StateDatabase, vm.HardDrivePath! })
        {
            var (exitCode, output) = Run("setpriv", ["--reuid=" + user, "--regid=" + user, "--clear-groups", "--", "cat", path]);
            Assert.True(exitCode != 0, $"{Qemu.QemuConfinement.UserName} could read {path}: {output}");
        }

        // Its own cgroups (under the home's), which count the memory Get-VM shows; they go with the worker.
        var cgroup = File.ReadAllLines($"/proc/{qemu}/cgroup").Single(l => l.Split(':')[1] == "memory").Split(':')[2];
        Assert.EndsWith($"/hypernest-{HostPaths.HomeTag(_a.Home)}/vm-{vm.Id:D}", cgroup, StringComparison.Ordinal);
        var cgroupDirectory = Qemu.QemuCgroups.HomeDirectories(_a.Home)["memory"] + $"/vm-{vm.Id:D}";
        Assert.True(Directory.Exists(cgroupDirectory), $"{cgroupDirectory} is not where the service put the VM");
        var demand = _a.Host.GetVm("confined").MemoryDemand;
        Assert.True(demand > 16L << 20, $"Get-VM's MemoryDemand is {demand} bytes: the cgroup counted nothing");

        _a.Run("Stop-VM confined -TurnOff");
        Assert.False(Directory.Exists(cgroupDirectory), $"{cgroupDirectory} outlived the VM's worker");
    }

    [Fact]
    public void ASecondHomeInTheSameNamespace_CreatesAndRemovesSwitchesAndNats_WithoutTouchingTheFirstHomesRules()
    {
        _a.Run("New-VMSwitch -Name a-sw -SwitchType Internal | Out-Null");
        _a.Run("New-VM -Name guarded -NoVHD -SwitchName a-sw | Out-Null");
        _a.Run("Set-VMNetworkAdapter -VMName guarded -DhcpGuard On -RouterGuard On");
        _a.Run("Start-VM guarded 3>$null");
        _a.Run("New-NetNat -Name a-nat -InternalIPInterfaceAddressPrefix 192.168.61.0/24 | Out-Null");
        var tap = Assert.Single(_a.Host.GetVmNetworkAdapters("guarded")).InterfaceName!;
        var guards = $"{PortGuardRuleset.Family} {PortGuardRuleset.TableName(_a.Home)}";
        var nat = $"{NatRuleset.Family} {NatRuleset.TableName(_a.Home)}";
        Assert.Contains(tap, Nft($"list table {guards}"), StringComparison.Ordinal);

        using (var b = new IsolatedHost())
        {
            b.Run("New-VMSwitch -Name b-sw -SwitchType Private | Out-Null");
            b.Run("New-VM -Name other -NoVHD -SwitchName b-sw | Out-Null");
            b.Run("Set-VMNetworkAdapter -VMName other -DhcpGuard On");
            b.Run("Start-VM other 3>$null");
            b.Run("New-NetNat -Name b-nat -InternalIPInterfaceAddressPrefix 192.168.62.0/24 | Out-Null");
            b.Run("Stop-VM other -TurnOff");
            b.Run("Remove-NetNat -Name b-nat -Confirm:$false");
            b.Run("Remove-VMSwitch -Name b-sw -Force");

            Assert.DoesNotContain(PortGuardRuleset.TableName(b.Home), Nft("list tables"), StringComparison.Ordinal);
            Assert.DoesNotContain(NatRuleset.TableName(b.Home), Nft("list tables"), StringComparison.Ordinal);
        }

        Assert.Contains(tap, Nft($"list table {guards}"), StringComparison.Ordinal);
        Assert.Contains("192.168.61.0/24", Nft($"list table {nat}"), StringComparison.Ordinal);
        Assert.Equal("On", _a.Run("Get-VMNetworkAdapter -VMName guarded | Select-Object -ExpandProperty DhcpGuard").Trim());
        _a.Run("Stop-VM guarded -TurnOff");
    }

    private static string Nft(string arguments)
    {
        var (exitCode, output) = Run("nft", arguments.Split(' '));
        Assert.True(exitCode == 0, $"nft {arguments}: {output}");
        return output;
    }

    /// <summary>Runs a shell command as the unprivileged user nobody (setpriv, no supplementary groups).</summary>
    private static (int ExitCode, string Output) AsNobody(string command) =>
        Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "sh", "-c", command]);

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult() + errors.GetAwaiter().GetResult());
    }
}
