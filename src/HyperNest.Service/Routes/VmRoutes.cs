using HyperNest.Api;
using HyperNest.Hosting;

namespace HyperNest.Service.Routes;

/// <summary>The host, VMs and their lifecycle, settings, console and images.</summary>
internal static class VmRoutes
{
    public static ApiRouter MapVms(this ApiRouter api) => api
        .Map("GET", "/v1/host", (h, _) => h.GetHost())
        .Map("PATCH", "/v1/host", (h, r) => h.SetHost(r.Body<SetHostRequest>()))
        .Map("GET", "/v1/host/supported-versions", (h, _) => h.GetSupportedVersions())
        .Map("POST", "/v1/host/automatic-stop", (h, _) => h.ApplyAutomaticStopActions())
        .Map("GET", "/v1/vms", (h, _) => h.GetVms())
        .Map("POST", "/v1/vms", (h, r) => h.NewVm(r.Body<NewVmRequest>(), r.Progress))
        .Map("GET", "/v1/vms-by-id/{id}", (h, r) => h.GetVm(r.Id("id")))
        .Map("GET", "/v1/vms/{name}", (h, r) => h.GetVm(r["name"]))
        .Map("PATCH", "/v1/vms/{name}", (h, r) => h.SetVm(r["name"], r.Body<SetVmRequest>()))
        .Map("DELETE", "/v1/vms/{name}", (h, r) => Nothing(() => h.RemoveVm(r["name"])))
        .Map("POST", "/v1/vms/{name}/start", (h, r) => h.StartVm(r["name"]))
        .Map("POST", "/v1/vms/{name}/stop", (h, r) => h.StopVm(r["name"], r.Body<StopVmBody>().Mode))
        .Map("POST", "/v1/vms/{name}/suspend", (h, r) => h.SuspendVm(r["name"]))
        .Map("POST", "/v1/vms/{name}/resume", (h, r) => h.ResumeVm(r["name"]))
        .Map("POST", "/v1/vms/{name}/restart", (h, r) => h.RestartVm(r["name"]))
        .Map("POST", "/v1/vms/{name}/rename", (h, r) => h.RenameVm(r["name"], r.Body<RenameBody>().NewName))
        .Map("GET", "/v1/vms/{name}/processor", (h, r) => h.GetVmProcessor(r["name"]))
        .Map("PATCH", "/v1/vms/{name}/processor", (h, r) => h.SetVmProcessor(r["name"], r.Body<SetProcessorRequest>()))
        .Map("GET", "/v1/vms/{name}/memory", (h, r) => h.GetVmMemory(r["name"]))
        .Map("PATCH", "/v1/vms/{name}/memory", (h, r) => h.SetVmMemory(r["name"], r.Body<SetMemoryRequest>()))
        .Map("POST", "/v1/vms/{name}/update-version", (h, r) => h.UpdateVmVersion(r["name"], r.Body<UpdateVersionBody>().Version))
        .Map("DELETE", "/v1/vms/{name}/saved-state", (h, r) => h.RemoveVmSavedState(r["name"]))
        .Map("POST", "/v1/vms/{name}/wait", (h, r) => Wait(h, r))
        .Map("GET", "/v1/vms/{name}/console", (h, r) => h.GetVmConsole(r["name"], r.QueryInt("lines", 50), r.Flag("raw")))
        .Map("GET", "/v1/vms/{name}/events", (h, r) => h.GetVmEvents(r["name"], r.QueryInt("newest", DefaultEvents)))
        .Map("GET", "/v1/events", (h, r) => h.GetVmEvents(null, r.QueryInt("newest", DefaultEvents)))
        .Map("GET", "/v1/images", (h, _) => h.GetImages())
        .Map("POST", "/v1/images/{name}", (h, r) => h.NewImage(r["name"], r.Flag("force"), r.Progress))
        .Map("POST", "/v1/vhds", (h, r) => h.NewVhd(r.Body<NewVhdRequest>()))
        .Map("GET", "/v1/vhds", (h, r) => h.GetVhd(r.Query("path") ?? throw new HostException("GET /v1/vhds needs ?path=<disk file>.", ErrorCategory.InvalidArgument, "ApiQueryMissing", "path")))
        .Map("POST", "/v1/vhds/resize", (h, r) => ResizeVhd(h, r.Body<ResizeVhdBody>()));

    /// <summary>How many events GET …/events answers without ?newest=.</summary>
    private const int DefaultEvents = 50;

    /// <summary>For calls that return nothing: the API's value is null.</summary>
    public static object? Nothing(Action action)
    {
        action();
        return null;
    }

    private static object ResizeVhd(IVirtualizationHost host, ResizeVhdBody body) => host.ResizeVhd(body.Path, body.SizeBytes);

    private static object Wait(IVirtualizationHost host, ApiRequest request)
    {
        var body = request.Body<WaitVmBody>();
        if (double.IsNaN(body.TimeoutSeconds))
        {
            throw new HostException("TimeoutSeconds is not a number; give seconds, or a negative number to wait without end.", ErrorCategory.InvalidArgument, "ApiTimeoutInvalid");
        }

        // Negative waits without end, as Wait-VM -Timeout -1 does.
        var timeout = body.TimeoutSeconds < 0 || body.TimeoutSeconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(body.TimeoutSeconds);
        return host.WaitVm(request["name"], body.Condition, timeout, request.Aborted);
    }
}
