namespace HyperNest.Hosting;

/// <summary>Refusals because an integration service is disabled, worded after Hyper-V's and each saying how to enable it.</summary>
internal static class IntegrationErrors
{
    public static HostException NotFound(string vmName, string name) => new(
        $"No integration service named '{name}' was found for virtual machine '{vmName}'. Get-VMIntegrationService -VMName '{vmName}' lists them: " +
        string.Join(", ", IntegrationServices.All.Select(s => $"'{s.Name}'")) + ".",
        ErrorCategory.ObjectNotFound, "ObjectNotFound", name);

    public static HostException ShutdownUnavailable(string vmName) => new(
        $"'{vmName}' failed to shut down: the Shutdown integration service is not available (it is disabled). " +
        $"Enable it with Enable-VMIntegrationService -VMName '{vmName}' -Name Shutdown, or turn the virtual machine off with Stop-VM -TurnOff (or -Force).",
        ErrorCategory.InvalidOperation, "ShutdownServiceNotAvailable", vmName);

    public static HostException HeartbeatDisabled(string vmName) => new(
        $"'{vmName}' cannot report a heartbeat: its Heartbeat integration service is disabled. " +
        $"Enable it with Enable-VMIntegrationService -VMName '{vmName}' -Name Heartbeat, then wait again.",
        ErrorCategory.InvalidOperation, "HeartbeatServiceDisabled", vmName);

    public static HostException GuestServiceInterfaceDisabled(string vmName) => new(
        $"Failed to initiate copying files to the guest: the Guest Service Interface integration service of virtual machine '{vmName}' is disabled. " +
        $"Enable it with Enable-VMIntegrationService -VMName '{vmName}' -Name 'Guest Service Interface'.",
        ErrorCategory.NotEnabled, "GuestServiceInterfaceDisabled", vmName);
}
