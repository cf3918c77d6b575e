using HyperNest.Api;
using HyperNest.Hosting;
using static HyperNest.Service.Routes.VmRoutes;

namespace HyperNest.Service.Routes;

/// <summary>A VM's drives, firmware, integration services and guest access (PowerShell Direct, file copy).</summary>
internal static class DeviceRoutes
{
    public static ApiRouter MapDevices(this ApiRouter api) => api
        .Map("GET", "/v1/vms/{name}/hard-disk-drives", (h, r) => h.GetVmHardDiskDrives(r["name"]))
        .Map("POST", "/v1/vms/{name}/hard-disk-drives", (h, r) => h.AddVmHardDiskDrive(r["name"], r.Body<AddDriveRequest>()))
        .Map("PATCH", "/v1/vms/{name}/hard-disk-drives/{drive}", (h, r) => h.SetVmHardDiskDrive(r["name"], r.Id("drive"), r.Body<SetDriveRequest>()))
        .Map("DELETE", "/v1/vms/{name}/hard-disk-drives/{drive}", (h, r) => Nothing(() => h.RemoveVmHardDiskDrive(r["name"], r.Id("drive"))))
        .Map("GET", "/v1/vms/{name}/dvd-drives", (h, r) => h.GetVmDvdDrives(r["name"]))
        .Map("POST", "/v1/vms/{name}/dvd-drives", (h, r) => h.AddVmDvdDrive(r["name"], r.Body<AddDriveRequest>()))
        .Map("PATCH", "/v1/vms/{name}/dvd-drives/{drive}", (h, r) => h.SetVmDvdDrive(r["name"], r.Id("drive"), r.Body<SetDriveRequest>()))
        .Map("DELETE", "/v1/vms/{name}/dvd-drives/{drive}", (h, r) => Nothing(() => h.RemoveVmDvdDrive(r["name"], r.Id("drive"))))
        .Map("GET", "/v1/vms/{name}/firmware", (h, r) => h.GetVmFirmware(r["name"]))
        .Map("PATCH", "/v1/vms/{name}/firmware", (h, r) => h.SetVmFirmware(r["name"], r.Body<SetFirmwareRequest>()))
        .Map("GET", "/v1/vms/{name}/integration-services", (h, r) => h.GetVmIntegrationServices(r["name"]))
        .Map("PATCH", "/v1/vms/{name}/integration-services/{service}", (h, r) => h.SetVmIntegrationService(r["name"], r["service"], r.Body<IntegrationServiceBody>().Enabled))
        .Map("GET", "/v1/vms/{name}/powershell-direct", (h, r) => Target(h, r["name"]))
        .MapChannel("/v1/vms-by-id/{id}/powershell-direct/channel", (h, r) => h.GetPowerShellDirectTarget(h.GetVm(r.Id("id")).Name).Connect())
        .Map("POST", "/v1/vms/{name}/files", (h, r) => Nothing(() => CopyFile(h, r)));

    private static PowerShellDirectTargetInfo Target(IVirtualizationHost host, string name)
    {
        var target = host.GetPowerShellDirectTarget(name);
        return new PowerShellDirectTargetInfo(target.VmName, target.VmId);
    }

    private static void CopyFile(IVirtualizationHost host, ApiRequest request)
    {
        var body = request.Body<CopyFileBody>();
        host.CopyFileToGuest(request["name"], body.SourcePath, body.DestinationPath, body.CreateFullPath, body.Force, request.Aborted);
    }
}
