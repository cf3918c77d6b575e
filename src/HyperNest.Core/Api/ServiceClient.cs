using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Api;

/// <summary>
/// The host API as a client of the home's hypernestd: every call is one API request, every rule runs in
/// the service. Paths the user typed are made absolute here, against this process's directory, before
/// they travel (the service's own directory is '/').
/// </summary>
public sealed partial class ServiceClient : IVirtualizationHost
{
    private readonly ApiConnection _api;

    public ServiceClient(HostPaths paths)
        : this(new ServiceEndpoint(paths), new ServiceLauncher())
    {
    }

    public ServiceClient(ServiceEndpoint endpoint, ServiceLauncher launcher)
    {
        Endpoint = endpoint;
        _api = new ApiConnection(endpoint, launcher);
    }

    public event EventHandler<string>? Warning;

    public ServiceEndpoint Endpoint { get; }

    public void Dispose() => _api.Dispose();

    public VmHost GetHost() => Get<VmHost>(ApiPath.Of("host"));

    public VmHost SetHost(SetHostRequest request) => Call<VmHost>(HttpMethod.Patch, ApiPath.Of("host"), request);

    public IReadOnlyList<VmHostSupportedVersion> GetSupportedVersions() => Get<List<VmHostSupportedVersion>>(ApiPath.Of("host", "supported-versions"));

    public IReadOnlyList<VirtualMachine> GetVms() => Get<List<VirtualMachine>>(ApiPath.Of("vms"));

    public VirtualMachine GetVm(string name) => Get<VirtualMachine>(ApiPath.Vm(name));

    public VirtualMachine GetVm(Guid id) => Get<VirtualMachine>(ApiPath.Of("vms-by-id", id.ToString("D")));

    public VirtualMachine NewVm(NewVmRequest request, IProgress<ProgressUpdate>? progress = null) =>
        Call<VirtualMachine>(HttpMethod.Post, ApiPath.Of("vms"), request with
        {
            Path = Absolute(request.Path),
            VhdPath = Absolute(request.VhdPath),
            NewVhdPath = Absolute(request.NewVhdPath),
        }, progress);

    public VirtualMachine StartVm(string name) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "start"));

    public VirtualMachine StopVm(string name, StopMode mode) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "stop"), new StopVmBody(mode));

    public VirtualMachine SuspendVm(string name) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "suspend"));

    public VirtualMachine ResumeVm(string name) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "resume"));

    public VirtualMachine RestartVm(string name) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "restart"));

    public void RemoveVm(string name) => Call(HttpMethod.Delete, ApiPath.Vm(name));

    public VirtualMachine RenameVm(string name, string newName) => Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "rename"), new RenameBody(newName));

    public VirtualMachine SetVm(string name, SetVmRequest request) => Call<VirtualMachine>(HttpMethod.Patch, ApiPath.Vm(name), request);

    public VmProcessor GetVmProcessor(string name) => Get<VmProcessor>(ApiPath.Vm(name, "processor"));

    public VmProcessor SetVmProcessor(string name, SetProcessorRequest request) => Call<VmProcessor>(HttpMethod.Patch, ApiPath.Vm(name, "processor"), request);

    public VmMemory GetVmMemory(string name) => Get<VmMemory>(ApiPath.Vm(name, "memory"));

    public VmMemory SetVmMemory(string name, SetMemoryRequest request) => Call<VmMemory>(HttpMethod.Patch, ApiPath.Vm(name, "memory"), request);

    public VirtualMachine UpdateVmVersion(string name, VmConfigurationVersion? target = null) =>
        Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "update-version"), new UpdateVersionBody(target));

    public VirtualMachine RemoveVmSavedState(string name) => Call<VirtualMachine>(HttpMethod.Delete, ApiPath.Vm(name, "saved-state"));

    public VirtualMachine WaitVm(string name, WaitForCondition condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Call<VirtualMachine>(HttpMethod.Post, ApiPath.Vm(name, "wait"), new WaitVmBody(condition, timeout.TotalSeconds), cancellationToken: cancellationToken);

    public IReadOnlyList<string> GetVmConsole(string name, int lastLines, bool raw = false) =>
        Get<List<string>>(ApiPath.WithQuery(ApiPath.Vm(name, "console"), ("lines", lastLines.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("raw", raw ? "true" : null)));

    public IReadOnlyList<AutomaticStopResult> ApplyAutomaticStopActions() => Call<List<AutomaticStopResult>>(HttpMethod.Post, ApiPath.Of("host", "automatic-stop"));

    public IReadOnlyList<VmEvent> GetVmEvents(string? name, int newest) =>
        Get<List<VmEvent>>(ApiPath.WithQuery(name is null ? ApiPath.Of("events") : ApiPath.Vm(name, "events"), ("newest", newest.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public VirtualHardDisk NewVhd(NewVhdRequest request) =>
        Call<VirtualHardDisk>(HttpMethod.Post, ApiPath.Of("vhds"), request with { Path = Absolute(request.Path)!, ParentPath = Absolute(request.ParentPath) });

    public VirtualHardDisk GetVhd(string path) => Get<VirtualHardDisk>(ApiPath.WithQuery(ApiPath.Of("vhds"), ("path", Absolute(path))));

    public VirtualHardDisk ResizeVhd(string path, long sizeBytes) =>
        Call<VirtualHardDisk>(HttpMethod.Post, ApiPath.Of("vhds", "resize"), new ResizeVhdBody(Absolute(path)!, sizeBytes));

    public IReadOnlyList<VmImage> GetImages() => Get<List<VmImage>>(ApiPath.Of("images"));

    public VmImage NewImage(string name, bool force, IProgress<ProgressUpdate>? progress = null) =>
        Call<VmImage>(HttpMethod.Post, ApiPath.WithQuery(ApiPath.Of("images", name), ("force", force ? "true" : null)), progress: progress);

    private static string? Absolute(string? path) => path is null ? null : Path.GetFullPath(path);

    private T Get<T>(string path) => Call<T>(HttpMethod.Get, path);

    private T Call<T>(HttpMethod method, string path, object? body = null, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default) =>
        _api.Call<T>(method, path, body, RaiseWarning, progress, cancellationToken);

    private void Call(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default) =>
        _api.Call(method, path, body, RaiseWarning, null, cancellationToken);

    private void RaiseWarning(string message) => Warning?.Invoke(this, message);
}
