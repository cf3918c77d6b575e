namespace HyperNest.Model;

/// <summary>
/// What Get-NetAdapter returns: one network interface of this machine under its Windows-style name
/// ("Ethernet", "Ethernet 2", "vEthernet (Switch)"); <see cref="LinuxName"/> is the kernel's name.
/// </summary>
public sealed record NetAdapter
{
    public required string Name { get; init; }

    public string InterfaceAlias => Name;

    public required string InterfaceDescription { get; init; }

    public required int ifIndex { get; init; }

    public int InterfaceIndex => ifIndex;

    /// <summary>"Up", "Disconnected" (no carrier) or "Disabled" (administratively down).</summary>
    public required string Status { get; init; }

    /// <summary>Dash-separated upper-case hex ("02-48-4E-00-00-01"), as Get-NetAdapter shows it.</summary>
    public required string MacAddress { get; init; }

    /// <summary>"10 Gbps" and the like; empty when the driver does not report a speed.</summary>
    public string LinkSpeed { get; init; } = "";

    public required string LinuxName { get; init; }

    public int MtuSize { get; init; }

    /// <summary>The switch this adapter's interface belongs to: the host side of an Internal/External switch, or the NIC an External switch is bound to.</summary>
    public string? VMSwitchName { get; init; }
}
