using System.Net;
using System.Text.Json;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Api;

/// <summary>The cmdlets' client against hypernestd's API: the same objects, errors, warnings and progress as the host API in-process.</summary>
public sealed class ServiceClientTests : IDisposable
{
    private readonly ServiceFixture _service = new();

    private ServiceClient Client => _service.Client;

    public void Dispose() => _service.Dispose();

    [Fact]
    public void AVmMadeThroughTheServiceReadsBackAsTheHostItselfShowsIt()
    {
        var made = Client.NewVm(new NewVmRequest { Name = "web 1%2F#&", Generation = 2, Image = "tiny", MemoryStartupBytes = 1L << 30 });

        var direct = _service.Host.Host.GetVm(made.Id);
        Assert.Equal(Json(direct), Json(Client.GetVm("web 1%2F#&")));
        Assert.Equal(Json(direct), Json(Client.GetVm(made.Id)));
        Assert.Equal("web 1%2F#&", Assert.Single(Client.GetVms()).Name);
        Assert.Equal(1L << 30, made.MemoryStartup);
    }

    [Fact]
    public void BootOrderEntriesComeBackAsTheDrivesAndAdaptersTheyAre()
    {
        Client.NewVm(new NewVmRequest { Name = "g2", Generation = 2, Image = "tiny", SwitchName = null });
        Client.AddVmNetworkAdapter("g2", new AddVmNetworkAdapterRequest { Name = "nic" });

        var firmware = Client.GetVmFirmware("g2");

        Assert.Equal(Json(_service.Host.Host.GetVmFirmware("g2")), Json(firmware));
        Assert.Contains(firmware.BootOrder, entry => entry.Device is VmHardDiskDrive);
        Assert.Contains(firmware.BootOrder, entry => entry.Device is VmNetworkAdapter { Name: "nic" });
    }

    [Fact]
    public void ARefusalArrivesAsTheHostsOwnError()
    {
        var inProcess = Assert.Throws<HostException>(() => _service.Host.Host.StartVm("nope"));

        var remote = Assert.Throws<HostException>(() => Client.StartVm("nope"));

        Assert.Equal(inProcess.Message, remote.Message);
        Assert.Equal(inProcess.ErrorId, remote.ErrorId);
        Assert.Equal(inProcess.Category, remote.Category);
        Assert.Equal(inProcess.TargetName, remote.TargetName);
    }

    [Fact]
    public void AnEmptyNameReachesTheHostAsAnEmptyName()
    {
        var inProcess = Assert.Throws<HostException>(() => _service.Host.Host.GetVm(""));

        var remote = Assert.Throws<HostException>(() => Client.GetVm(""));
        Client.RemoveNetNat("");

        Assert.Equal(inProcess.Message, remote.Message);
    }

    [Fact]
    public void WarningsAndProgressReachTheCallerDuringTheCall()
    {
        var warnings = new List<string>();
        Client.Warning += (_, message) => warnings.Add(message);
        var progress = new List<ProgressUpdate>();

        Client.NewImage("tiny", force: true, new SynchronousProgress(progress.Add));
        Client.NewVm(new NewVmRequest { Name = "g2", Generation = 2, Image = "tiny" });
        Client.SetVmFirmware("g2", new SetFirmwareRequest { SecureBootTemplate = "MicrosoftUEFICertificateAuthority" });

        Assert.Contains(warnings, w => w.Contains("Secure Boot template", StringComparison.Ordinal));
        Assert.Contains(progress, p => p.Activity == "Building image tiny");
    }

    [Fact]
    public void CallsThatReturnNothingSucceedAndTakeEffect()
    {
        Client.NewVm(new NewVmRequest { Name = "old", Image = "tiny" });

        Client.RemoveVm("old");

        Assert.Empty(_service.Host.Host.GetVms());
    }

    [Fact]
    public async Task APlainJsonClientGetsOneDocumentWithTheErrorsHttpStatus()
    {
        Client.NewVm(new NewVmRequest { Name = "a", Image = "tiny" });
        using var http = _service.PlainHttp();

        using var list = await http.GetAsync(new Uri("/v1/vms", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri("/v1/vms/nope", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/v2/vms", UriKind.Relative));
        using var wrongMethod = await http.PutAsync(new Uri("/v1/vms", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal("a", listed.RootElement.GetProperty("Value")[0].GetProperty("Name").GetString());
        Assert.Equal(0, listed.RootElement.GetProperty("Warnings").GetArrayLength());
        // Hyper-V files "no such VM" as InvalidArgument/InvalidParameter; the status follows the category.
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("InvalidArgument", error.RootElement.GetProperty("Error").GetProperty("Category").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ApiPathNotFound", ErrorId(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal("ApiMethodNotAllowed", ErrorId(await wrongMethod.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ABodyThatIsNotTheCallsRequestIsRefusedAndChangesNothing()
    {
        using var http = _service.PlainHttp();

        using var answer = await http.PostAsync(new Uri("/v1/vms", UriKind.Relative), new StringContent("{\"Name\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("ApiBodyInvalid", ErrorId(await answer.Content.ReadAsStringAsync()));
        Assert.Empty(_service.Host.Host.GetVms());
    }

    private static string ErrorId(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return parsed.RootElement.GetProperty("Error").GetProperty("ErrorId").GetString()!;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
