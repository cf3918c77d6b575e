using HyperNest.Model;

namespace HyperNest.Api;

public sealed partial class ServiceClient
{
    /// <summary>The guest's PowerShell endpoint through the service: each Connect is a channel the service proxies.</summary>
    public PowerShellDirectTarget GetPowerShellDirectTarget(string vmName)
    {
        var target = Get<PowerShellDirectTargetInfo>(ApiPath.Vm(vmName, "powershell-direct"));
        return new PowerShellDirectTarget(target.VmName, target.VmId, () => _api.OpenChannel(ApiPath.Of("vms-by-id", target.VmId.ToString("D"), "powershell-direct", "channel")));
    }

    public void CopyFileToGuest(string vmName, string sourcePath, string destinationPath, bool createFullPath, bool force, CancellationToken cancellationToken = default) =>
        Call(HttpMethod.Post, ApiPath.Vm(vmName, "files"), new CopyFileBody(Absolute(sourcePath)!, destinationPath, createFullPath, force), cancellationToken);
}
