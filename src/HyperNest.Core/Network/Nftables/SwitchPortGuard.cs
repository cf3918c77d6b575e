namespace HyperNest.Network.Nftables;

/// <summary>
/// Hyper-V's per-adapter switch-port security settings (Set-VMNetworkAdapter -MacAddressSpoofing,
/// -DhcpGuard, -RouterGuard) for the tap device that carries one VM network adapter.
/// </summary>
public sealed record SwitchPortGuard
{
    public SwitchPortGuard(string tapInterface, MacAddress adapterMac, bool macAddressSpoofing, bool dhcpGuard, bool routerGuard)
    {
        TapInterface = NftText.RequireInterfaceName(tapInterface, nameof(tapInterface));
        AdapterMac = adapterMac ?? throw new ArgumentNullException(nameof(adapterMac));
        MacAddressSpoofing = macAddressSpoofing;
        DhcpGuard = dhcpGuard;
        RouterGuard = routerGuard;
    }

    public string TapInterface { get; }

    public MacAddress AdapterMac { get; }

    /// <summary>Off (false) is Hyper-V's default: the VM may only send from its adapter's MAC.</summary>
    public bool MacAddressSpoofing { get; }

    public bool DhcpGuard { get; }

    public bool RouterGuard { get; }

    /// <summary>A port with spoofing allowed and both guards off needs no rules.</summary>
    public bool RestrictsTraffic => !MacAddressSpoofing || DhcpGuard || RouterGuard;
}
