using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Api;

public sealed partial class ServiceClient
{
    public IReadOnlyList<VmHardDiskDrive> GetVmHardDiskDrives(string vmName) => Get<List<VmHardDiskDrive>>(ApiPath.Vm(vmName, "hard-disk-drives"));

    public VmHardDiskDrive AddVmHardDiskDrive(string vmName, AddDriveRequest request) =>
        Call<VmHardDiskDrive>(HttpMethod.Post, ApiPath.Vm(vmName, "hard-disk-drives"), request with { Path = Absolute(request.Path) });

    public VmHardDiskDrive SetVmHardDiskDrive(string vmName, Guid driveId, SetDriveRequest request) =>
        Call<VmHardDiskDrive>(HttpMethod.Patch, ApiPath.Vm(vmName, "hard-disk-drives", driveId.ToString("D")), request with { Path = Absolute(request.Path) });

    public void RemoveVmHardDiskDrive(string vmName, Guid driveId) => Call(HttpMethod.Delete, ApiPath.Vm(vmName, "hard-disk-drives", driveId.ToString("D")));

    public IReadOnlyList<VmDvdDrive> GetVmDvdDrives(string vmName) => Get<List<VmDvdDrive>>(ApiPath.Vm(vmName, "dvd-drives"));

    public VmDvdDrive AddVmDvdDrive(string vmName, AddDriveRequest request) =>
        Call<VmDvdDrive>(HttpMethod.Post, ApiPath.Vm(vmName, "dvd-drives"), request with { Path = Absolute(request.Path) });

    public VmDvdDrive SetVmDvdDrive(string vmName, Guid driveId, SetDriveRequest request) =>
        Call<VmDvdDrive>(HttpMethod.Patch, ApiPath.Vm(vmName, "dvd-drives", driveId.ToString("D")), request with { Path = Absolute(request.Path) });

    public void RemoveVmDvdDrive(string vmName, Guid driveId) => Call(HttpMethod.Delete, ApiPath.Vm(vmName, "dvd-drives", driveId.ToString("D")));

    public VmFirmware GetVmFirmware(string vmName) => Get<VmFirmware>(ApiPath.Vm(vmName, "firmware"));

    public VmFirmware SetVmFirmware(string vmName, SetFirmwareRequest request) => Call<VmFirmware>(HttpMethod.Patch, ApiPath.Vm(vmName, "firmware"), request);

    public IReadOnlyList<VmIntegrationComponent> GetVmIntegrationServices(string vmName) =>
        Get<List<VmIntegrationComponent>>(ApiPath.Vm(vmName, "integration-services"));

    public VmIntegrationComponent SetVmIntegrationService(string vmName, string name, bool enabled) =>
        Call<VmIntegrationComponent>(HttpMethod.Patch, ApiPath.Vm(vmName, "integration-services", name), new IntegrationServiceBody(enabled));
}
