using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

public sealed class IntegrationServiceRulesTests : IDisposable
{
    private readonly HostFixture _f = new();

    private VirtualizationHost Host => _f.Host;

    public void Dispose() => _f.Dispose();

    private void Running(string name)
    {
        Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });
        Host.StartVm(name);
    }

    [Fact]
    public void Get_ListsHyperVsSixServices_AllEnabled_OkWhileTheAgentAnswers()
    {
        Running("a");

        var services = Host.GetVmIntegrationServices("a");

        Assert.Equal(["Guest Service Interface", "Heartbeat", "Key-Value Pair Exchange", "Shutdown", "Time Synchronization", "VSS"], services.Select(s => s.Name));
        Assert.All(services, s => Assert.True(s.Enabled));
        Assert.All(services, s => Assert.Equal("OK", s.PrimaryStatusDescription));
        _f.Backend.AgentAnswers = false;
        Assert.All(Host.GetVmIntegrationServices("a"), s => Assert.Equal("No Contact", s.PrimaryStatusDescription));
    }

    [Fact]
    public void Get_WhileOff_HasNoStatus()
    {
        Host.NewVm(new NewVmRequest { Name = "a", NoVhd = true });

        Assert.All(Host.GetVmIntegrationServices("a"), s => Assert.Null(s.PrimaryStatusDescription));
    }

    [Fact]
    public void Set_WorksInAnyState_IsCaseInsensitive_AndUnknownNamesAreRefused()
    {
        Host.NewVm(new NewVmRequest { Name = "a", NoVhd = true });

        var changed = Host.SetVmIntegrationService("a", "vss", false);

        Assert.Equal(("VSS", false), (changed.Name, changed.Enabled));
        Assert.False(Host.GetVmIntegrationServices("a").Single(s => s.Name == "VSS").Enabled);
        var error = Assert.Throws<HostException>(() => Host.SetVmIntegrationService("a", "Data Exchange", false));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("'Key-Value Pair Exchange'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShutdownDisabled_StopVmIsRefused_TurnOffAndForcePowerOff()
    {
        Running("a");
        Host.SetVmIntegrationService("a", "Shutdown", false);

        var error = Assert.Throws<HostException>(() => Host.StopVm("a", StopMode.Shutdown));

        Assert.Equal("ShutdownServiceNotAvailable", error.ErrorId);
        Assert.Contains("-TurnOff", error.Message, StringComparison.Ordinal);
        Assert.Equal(VmState.Running, Host.GetVm("a").State);
        Assert.Equal(VmState.Off, Host.StopVm("a", StopMode.Force).State);
        Assert.Single(_f.Backend.Kills);
    }

    [Fact]
    public void HeartbeatDisabled_GetVmShowsDisabled_AndWaitVmIsRefused()
    {
        Running("a");
        Host.SetVmIntegrationService("a", "Heartbeat", false);

        var vm = Host.GetVm("a");

        Assert.Equal("Disabled", vm.Heartbeat);
        Assert.Equal("Operating normally", vm.Status);
        Assert.Equal("HeartbeatServiceDisabled", Assert.Throws<HostException>(() => Host.WaitVm("a", WaitForCondition.Heartbeat, TimeSpan.FromSeconds(1))).ErrorId);
        Assert.Equal("Disabled", Assert.Single(Host.GetVms()).Heartbeat);
    }

    [Fact]
    public void GuestServiceInterfaceDisabled_CopyVmFileIsRefused()
    {
        Running("a");
        Host.SetVmIntegrationService("a", "Guest Service Interface", false);
        var source = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("a", source, "/root/x", false, false));

            Assert.Equal("GuestServiceInterfaceDisabled", error.ErrorId);
            Assert.Empty(_f.Backend.GuestFiles);
        }
        finally
        {
            File.Delete(source);
        }
    }

    [Fact]
    public void TimeSynchronization_SetsTheClockAfterResume_UnlessDisabled()
    {
        Running("a");
        Host.SuspendVm("a");
        Host.ResumeVm("a");
        Assert.Single(_f.Backend.GuestTimes);

        Host.SetVmIntegrationService("a", "Time Synchronization", false);
        Host.SuspendVm("a");
        Host.ResumeVm("a");

        Assert.Single(_f.Backend.GuestTimes);
    }
}
