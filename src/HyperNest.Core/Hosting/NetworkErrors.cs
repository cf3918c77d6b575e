namespace HyperNest.Hosting;

/// <summary>The networking errors, worded after Hyper-V's and the NetTCPIP/NetNat modules', each saying what to do next.</summary>
internal static class NetworkErrors
{
    public static HostException SwitchNotFound(string name) => new(
        $"Hyper-V was unable to find a virtual switch with name \"{name}\". Get-VMSwitch lists the switches on this host; New-VMSwitch creates one.",
        ErrorCategory.ObjectNotFound, "ObjectNotFound", name);

    public static HostException SwitchExists(string name) => new(
        $"A virtual switch named \"{name}\" already exists. Choose another name, or remove the existing one with Remove-VMSwitch.",
        ErrorCategory.ResourceExists, "DuplicateName", name);

    public static HostException SwitchInUse(string name, IEnumerable<string> vms) => new(
        $"The virtual switch \"{name}\" cannot be removed: network adapters of {string.Join(", ", vms.Select(v => $"'{v}'"))} are connected to it. " +
        "Disconnect them with Disconnect-VMNetworkAdapter, or use Remove-VMSwitch -Force to disconnect them and remove it.",
        ErrorCategory.ResourceBusy, "SwitchInUse", name);

    public static HostException AdapterNotFound(string vmName, Guid adapterId) => new(
        $"The virtual machine '{vmName}' has no network adapter {adapterId:D}. Get-VMNetworkAdapter -VMName '{vmName}' lists its adapters.",
        ErrorCategory.ObjectNotFound, "ObjectNotFound", vmName);

    public static HostException NetAdapterNotFound(NetInterfaceSelector selector) => new(
        selector.Index is { } index
            ? $"No MSFT_NetAdapter objects found with property 'InterfaceIndex' equal to '{index}'. Get-NetAdapter lists this machine's adapters."
            : $"No MSFT_NetAdapter objects found with property 'Name' equal to '{selector.Alias}'. Get-NetAdapter lists this machine's adapters.",
        ErrorCategory.ObjectNotFound, "ObjectNotFound", selector.ToString());

    public static HostException ResolverFileOfAnotherNamespace(string path) => new(
        $"The DNS client settings are written to {path}, but HyperNest runs in a network namespace other than the machine's and shares the machine's /etc, " +
        $"so that change would reach every namespace on this machine (Linux has no per-namespace resolv.conf unless a mount namespace provides one). " +
        "Set HYPERNEST_RESOLV_CONF to the file this namespace's programs read (for example /etc/netns/<name>/resolv.conf, which ip netns exec mounts), or run the command with ip netns exec, then run it again.",
        ErrorCategory.InvalidOperation, "ResolverFileOfAnotherNamespace", path);

    /// <summary>The kernel (through ip/nft) refused; its words are kept and nothing was left behind.</summary>
    public static HostException KernelRefused(string action, Exception inner, string? target = null) => new(
        $"{action} failed: {inner.Message}. Nothing was left half-done; check the names and addresses and try again.",
        ErrorCategory.InvalidOperation, "NetworkConfigurationFailed", target, inner);

    public static HostException Exists(string what, string target) => new(
        $"{what} Remove it first, or choose another.", ErrorCategory.ResourceExists, "AlreadyExists", target);

    /// <summary>The kernel was built without CONFIG_BRIDGE_VLAN_FILTERING, so no bridge port can be put in a VLAN.</summary>
    public static HostException VlanFilteringUnavailable(string switchName) => new(
        $"The VLAN settings of the virtual switch \"{switchName}\" cannot be applied: this Linux kernel has no bridge VLAN filtering (it was built without CONFIG_BRIDGE_VLAN_FILTERING). " +
        "Nothing was changed. Keep the adapters -Untagged on this host, or run HyperNest on a kernel with VLAN filtering (Debian's has it).",
        ErrorCategory.NotEnabled, "VlanFilteringNotAvailable", switchName);
}
