using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>
/// New-VMSwitch's inputs. With <see cref="NetAdapterName"/> the switch is External (SwitchType must then
/// be absent or External); otherwise SwitchType is required (Internal or Private).
/// </summary>
public sealed record NewVmSwitchRequest
{
    public required string Name { get; init; }

    public VmSwitchType? SwitchType { get; init; }

    /// <summary>External: the host NIC to bind, by Windows-style name ("Ethernet") or Linux name ("eth0").</summary>
    public string? NetAdapterName { get; init; }

    /// <summary>External only; Hyper-V's default is true (the host keeps its connectivity through the switch).</summary>
    public bool? AllowManagementOS { get; init; }

    public string? Notes { get; init; }
}

/// <summary>Add-VMNetworkAdapter's inputs.</summary>
public sealed record AddVmNetworkAdapterRequest
{
    /// <summary>Defaults to "Network Adapter".</summary>
    public string? Name { get; init; }

    public string? SwitchName { get; init; }

    /// <summary>Any of "02484E000001", "02-48-4E-00-00-01", "02:48:4e:00:00:01"; null assigns one from HyperNest's pool.</summary>
    public string? StaticMacAddress { get; init; }
}

/// <summary>Set-VMNetworkAdapter's inputs; null leaves a setting as it is.</summary>
public sealed record SetVmNetworkAdapterRequest
{
    public OnOffState? MacAddressSpoofing { get; init; }

    public OnOffState? DhcpGuard { get; init; }

    public OnOffState? RouterGuard { get; init; }

    /// <summary>Pins this MAC (only while the VM is Off, as in Hyper-V).</summary>
    public string? StaticMacAddress { get; init; }

    /// <summary>Goes back to a MAC from the pool (only while the VM is Off).</summary>
    public bool DynamicMacAddress { get; init; }
}

/// <summary>An interface named the ways the Net* cmdlets allow: -InterfaceAlias or -InterfaceIndex (one of them).</summary>
public sealed record NetInterfaceSelector(string? Alias, int? Index)
{
    public static NetInterfaceSelector ByAlias(string alias) => new(alias, null);

    public static NetInterfaceSelector ByIndex(int index) => new(null, index);

    public override string ToString() => Alias ?? $"ifIndex {Index}";
}

/// <summary>New-NetIPAddress's inputs.</summary>
public sealed record NewNetIpAddressRequest
{
    public required NetInterfaceSelector Interface { get; init; }

    public required string IPAddress { get; init; }

    /// <summary>Required by the host (no class-based guess): 0–32 for IPv4, 0–128 for IPv6.</summary>
    public int? PrefixLength { get; init; }

    public string? DefaultGateway { get; init; }

    /// <summary>"IPv4" or "IPv6"; must match the address when given.</summary>
    public string? AddressFamily { get; init; }
}

/// <summary>Set-VMNetworkAdapterVlan's inputs: the one mode chosen (-Untagged, -Access, -Trunk) and the IDs given with it.</summary>
public sealed record SetVlanRequest
{
    public required VmNetworkAdapterVlanMode Mode { get; init; }

    /// <summary>-VlanId (-AccessVlanId): Access only, required there.</summary>
    public int? VlanId { get; init; }

    /// <summary>Trunk only; without it untagged frames on the trunk are dropped.</summary>
    public int? NativeVlanId { get; init; }

    /// <summary>Trunk only, required there: "1-100,200".</summary>
    public string? AllowedVlanIdList { get; init; }
}
