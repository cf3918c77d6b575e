using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

public sealed class IntegrationDiskRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly List<string> _warnings = [];

    public IntegrationDiskRulesTests() => Host.Warning += (_, message) => _warnings.Add(message);

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void StartVm_HyperNestInstalled_HandsTheIntegrationDiskToTheBackend()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });

        Host.StartVm("web1");

        Assert.Equal(_fixture.Images.IntegrationDisk, Assert.Single(_fixture.Backend.Starts).Boot.IntegrationDisk);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void StartVm_NoHyperNestInstalled_StartsWithoutTheDiskAndWarns()
    {
        Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true });
        _fixture.Images.IntegrationDisk = null;

        Assert.Equal(VmState.Running, Host.StartVm("web1").State);

        Assert.Null(Assert.Single(_fixture.Backend.Starts).Boot.IntegrationDisk);
        Assert.Equal([FakeImageStore.NoIntegrationDiskWarning], _warnings);
    }
}
