namespace HyperNest.Model;

/// <summary>Hyper-V's PreferredNetworkBootProtocol values (Set-VMFirmware).</summary>
public enum IPProtocolPreference
{
    IPv4,
    IPv6,
}
