namespace HyperNest.Model;

/// <summary>Hyper-V's On/Off switch-port settings (MacAddressSpoofing, DhcpGuard, RouterGuard).</summary>
public enum OnOffState
{
    On,
    Off,
}
