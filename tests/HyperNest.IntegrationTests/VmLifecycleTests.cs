using System.Diagnostics;
using HyperNest.Model;

namespace HyperNest.IntegrationTests;

/// <summary>The foundation acceptance: a real tiny guest under TCG through its whole life, driven by cmdlets.</summary>
[Collection(GuestCollection.Name)]
public sealed class VmLifecycleTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void TinyVm_FullLifecycle_ThroughCmdlets()
    {
        var name = IsolatedHost.UniqueName("web");
        try
        {
            _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny");
            _lab.Run($"Start-VM {name}");
            _lab.Run($"Wait-VM -Name {name} -For Heartbeat -Timeout 240");

            var table = _lab.Run("Get-VM");
            var running = _lab.Host.GetVm(name);
            Assert.Equal(VmState.Running, running.State);
            Assert.Equal(512L << 20, running.MemoryAssigned);
            Assert.True(running.Uptime > TimeSpan.Zero, "uptime should count once the guest runs");
            Assert.Equal("Operating normally", running.Status);
            Assert.Contains(name, table);
            Assert.Contains("Running", table);

            var console = string.Join('\n', _lab.Host.GetVmConsole(name, 500));
            Assert.Contains("Linux version", console);

            var refused = _lab.TryRun($"Remove-VM {name} -Force");
            Assert.False(refused.Succeeded);
            Assert.Contains("FullyQualifiedErrorId", refused.Errors);
            Assert.Equal(VmState.Running, _lab.Host.GetVm(name).State);

            _lab.Run($"Stop-VM {name}");
            Assert.Equal(VmState.Off, _lab.Host.GetVm(name).State);

            _lab.Run($"Start-VM {name}");
            Assert.Equal(VmState.Running, _lab.Host.GetVm(name).State);
            _lab.Run($"Stop-VM {name} -TurnOff");
            Assert.Equal(VmState.Off, _lab.Host.GetVm(name).State);

            _lab.Run($"Remove-VM {name} -Force");
            Assert.DoesNotContain(_lab.Host.GetVms(), vm => vm.Name == name);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    [Fact]
    public void QemuKilledFromOutside_GetVmShowsOffWithReason_AndStartWorksAgain()
    {
        var name = IsolatedHost.UniqueName("victim");
        _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 256MB -Image tiny");
        _lab.Run($"Start-VM {name}");
        var pid = QemuPidOf(_lab.Host.GetVm(name).Id);

        // One handle for both: the service reaps its QEMU child at once, and a second look-up by pid found none.
        using (var qemu = Process.GetProcessById(pid))
        {
            qemu.Kill();
            qemu.WaitForExit(10_000);
        }

        var dead = _lab.Host.GetVm(name);
        Assert.Equal(VmState.Off, dead.State);
        Assert.Contains("ended unexpectedly", dead.Status);

        _lab.Run($"Start-VM {name}");
        Assert.Equal(VmState.Running, _lab.Host.GetVm(name).State);
        _lab.Run($"Stop-VM {name} -TurnOff");
    }

    [Fact]
    public void ServiceKilledOnceQemuRuns_NextServiceAdoptsTheWorker_StopVmStopsIt_NothingIsDeletedUnderIt()
    {
        var name = IsolatedHost.UniqueName("orphan");
        _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 256MB -Image tiny");
        var id = _lab.Host.GetVm(name).Id;
        var pidFile = Path.Combine(_lab.Paths.RuntimeDirectory(id), "qemu.pid");
        var servicePid = new HyperNest.Api.ServiceEndpoint(_lab.Paths).ServicePid()!.Value;

        // A client's Start-VM runs in the service, which dies (kill -9) the moment QEMU has daemonized,
        // before it could record the worker. (Killing the client alone interrupts nothing: the service finishes.)
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hypernest.dll"));
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"Start-VM {name}");
        info.Environment["HYPERNEST_HOME"] = _lab.Home;
        info.Environment["HYPERNEST_RESOLV_CONF"] = Path.Combine(_lab.Home, "resolv.conf");
        using (var client = Process.Start(info)!)
        using (var service = Process.GetProcessById(servicePid))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!(File.Exists(pidFile) && new FileInfo(pidFile).Length > 0) && !client.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }

            service.Kill();
            service.WaitForExit(10_000);
            client.WaitForExit(60_000);
        }

        using var worker = Process.GetProcessById(QemuPidOf(id));
        var seen = _lab.Host.GetVm(name);
        Assert.Equal(VmState.Running, seen.State);
        var refused = _lab.TryRun($"Remove-VM {name} -Force");
        Assert.False(refused.Succeeded);
        Assert.False(worker.HasExited, "Remove-VM must not touch a running worker");

        _lab.Run($"Stop-VM {name} -TurnOff");
        Assert.Equal(VmState.Off, _lab.Host.GetVm(name).State);
        Assert.True(worker.WaitForExit(10_000), "Stop-VM stops the adopted worker");
    }

    private static int QemuPidOf(Guid vmId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid)
                && File.Exists(Path.Combine(directory, "cmdline"))
                && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(vmId.ToString("D"), StringComparison.Ordinal))
            {
                return pid;
            }
        }

        throw new InvalidOperationException($"No QEMU process for VM {vmId}.");
    }
}
