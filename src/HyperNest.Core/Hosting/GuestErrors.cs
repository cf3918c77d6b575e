namespace HyperNest.Hosting;

/// <summary>
/// The errors of PowerShell Direct and Copy-VMFile, worded after Hyper-V's ("The virtual machine 'x' is
/// not in running state.") and each saying what to do next.
/// </summary>
internal static class GuestErrors
{
    /// <summary>The agent answered with an error (no such program, permission denied …).</summary>
    public const string AgentRefusedId = "GuestAgentRefused";

    public static HostException NotRunning(string name, Model.VmState state) => new(
        $"The virtual machine '{name}' is not in running state (it is {state}). Start it with Start-VM '{name}', then Wait-VM '{name}' -For Heartbeat.",
        ErrorCategory.InvalidOperation, "VMNotRunning", name);

    public static HostException AgentSilent(string name, string? detail = null) => new(
        $"Cannot connect to virtual machine '{name}'. The guest agent of virtual machine '{name}' does not answer{(detail is null ? "" : $" ({detail})")}: is the guest booted? Wait-VM '{name}' -For Heartbeat waits for it; Get-VMConsole -VMName '{name}' shows how far it got.",
        ErrorCategory.ConnectionError, "GuestAgentNotResponding", name);

    public static HostException AgentRefused(string name, string what, string agentMessage, Exception inner) => new(
        $"The guest agent of virtual machine '{name}' refused {what}: {agentMessage}",
        ErrorCategory.InvalidOperation, AgentRefusedId, name, inner);

    public static HostException NoPowerShellEndpoint(string name) => new(
        $"Cannot connect to virtual machine '{name}' with PowerShell Direct: no PowerShell endpoint runs in the guest yet. " +
        "HyperNest's images start it at boot from the read-only integration disk the host attaches at Start-VM (Hyper-V's integration services): " +
        $"wait for the guest (Wait-VM '{name}' -For Heartbeat), and for a VM started by an older HyperNest or from another image, restart it with this HyperNest (./run.sh installs it). " +
        $"Get-VMConsole -VMName '{name}' shows the guest's boot.",
        ErrorCategory.ResourceUnavailable, "PowerShellDirectEndpointNotRunning", name);

    public static HostException PowerShellDirectUnreachable(string name, Exception inner) => new(
        $"Cannot connect to virtual machine '{name}' with PowerShell Direct ({inner.Message}). Is it still running? Get-VM '{name}' tells.",
        ErrorCategory.ConnectionError, "PowerShellDirectUnreachable", name, inner);

    public static HostException TimedOut(string name, string what, TimeSpan timeout, Exception inner) => new(
        $"{what} in virtual machine '{name}' did not finish within {timeout.TotalSeconds:0.#} seconds ({inner.Message}). The guest program may still be running.",
        ErrorCategory.OperationTimeout, "GuestCommandTimedOut", name, inner);

    public static HostException SourceMissing(string path) => new(
        $"Cannot find the file '{path}' on the host: Copy-VMFile -SourcePath names a file on this host.",
        ErrorCategory.ObjectNotFound, "SourceFileNotFound", path);

    public static HostException DestinationNotAbsolute(string name, string path) => new(
        $"'{path}' is not a full path in virtual machine '{name}': -DestinationPath must start with '/'.",
        ErrorCategory.InvalidArgument, "InvalidParameter", path);

    public static HostException DestinationExists(string name, string path) => new(
        $"The file '{path}' already exists in virtual machine '{name}'. Use -Force to overwrite it.",
        ErrorCategory.ResourceExists, "DestinationFileExists", path);

    public static HostException DestinationParentMissing(string name, string path, string parent) => new(
        $"Cannot copy to '{path}' in virtual machine '{name}': the folder '{parent}' does not exist. Use -CreateFullPath to create it.",
        ErrorCategory.ObjectNotFound, "DestinationFolderNotFound", path);

    public static HostException GuestStepFailed(string name, string step, Model.GuestCommandResult result) => new(
        $"Copy-VMFile could not {step} in virtual machine '{name}' (exit code {result.ExitCode}): {result.StandardError.Trim()}",
        ErrorCategory.WriteError, "GuestFileOperationFailed", name);
}
