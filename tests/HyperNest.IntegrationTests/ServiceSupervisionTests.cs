using System.Diagnostics;
using HyperNest.Api;
using HyperNest.Model;
using HyperNest.Qemu;
using HyperNest.Qemu.GuestAgent;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// hypernestd owns the VMs between commands: it survives nothing it should not (a kill -9 of the service
/// leaves the guests running, and the next command's service takes them back), and it notices a guest
/// that powers itself off without any command asking.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class ServiceSupervisionTests(ITestOutputHelper output) : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task ServiceKilled_GuestKeepsRunning_NextServiceReattaches_AndAGuestPowerOffIsRecordedWithoutACommand()
    {
        var name = IsolatedHost.UniqueName("sup");
        _lab.Run("New-VMSwitch -Name sup -SwitchType Private | Out-Null");
        _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 256MB -Image tiny -SwitchName sup | Out-Null");
        _lab.Run($"Start-VM {name}; Wait-VM -Name {name} -For Heartbeat -Timeout 240");
        var vm = _lab.Host.GetVm(name);
        var tap = Assert.Single(_lab.Host.GetVmNetworkAdapters(name)).InterfaceName!;
        Assert.True(LinkExists(tap), $"the running VM's tap {tap} is missing");

        // kill -9 of the service: its VMs are not its children and keep running.
        var endpoint = new ServiceEndpoint(_lab.Paths);
        using (var service = Process.GetProcessById(endpoint.ServicePid()!.Value))
        {
            service.Kill();
            service.WaitForExit();
        }

        Assert.True(IsAlive(vm.Id), "the guest's QEMU died with the service");
        Assert.Equal(VmState.Running, _lab.Host.GetVm(name).State);
        var secondService = endpoint.ServicePid();

        // The guest powers itself off (its agent runs poweroff, as a user inside would). No command follows.
        await using (var agent = await GuestAgentClient.ConnectAsync(QemuRuntimePaths.ForVm(_lab.Paths.RuntimeRoot, vm.Id).GuestAgentSocket, TimeSpan.FromSeconds(10)))
        {
            await agent.ShutdownAsync();
        }

        var clock = Stopwatch.StartNew();
        while (LinkExists(tap) && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50);
        }

        output.WriteLine($"tap gone {clock.Elapsed.TotalSeconds:0.00} s after the guest was asked to power off (guest shutdown included)");
        Assert.False(LinkExists(tap), $"the powered-off VM's tap {tap} is still there: nobody noticed the guest ended");
        Assert.Equal(secondService, endpoint.ServicePid());
        var off = _lab.Host.GetVm(name);
        Assert.Equal(VmState.Off, off.State);
        Assert.Contains("guest operating system shut the virtual machine down", off.Status, StringComparison.Ordinal);

        // Get-VMEvent tells the story, newest first: the guest's power-off, the start with QEMU's command line, the creation.
        var events = _lab.Run($"Get-VMEvent -VMName {name} | ForEach-Object {{ \"$($_.Level)|$($_.Message)\" }}").Trim().Split('\n');
        Assert.StartsWith("Information|", events[0], StringComparison.Ordinal);
        Assert.Contains("guest operating system shut the virtual machine down", events[0], StringComparison.Ordinal);
        Assert.Contains($"'{name}' runs in: /usr/bin/qemu-system-x86_64 -name guest=hn-{vm.Id:D} ", events[1], StringComparison.Ordinal);
        Assert.Contains(" -runas hypernest-qemu -sandbox on,", events[1], StringComparison.Ordinal);
        Assert.Contains($"'{name}' started successfully", events[2], StringComparison.Ordinal);
        Assert.EndsWith($"'{name}' was created.", events[3].TrimEnd(), StringComparison.Ordinal);
    }

    private static bool LinkExists(string name) => NetworkDevices.InThisNamespace().Contains(name);

    private static bool IsAlive(Guid vmId) => ProcessSweeper.ProcessesMentioning("qemu-system", vmId.ToString("D")).Count > 0;
}
