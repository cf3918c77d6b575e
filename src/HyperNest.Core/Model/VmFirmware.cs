namespace HyperNest.Model;

/// <summary>What Get-VMFirmware returns for a generation 2 VM (Hyper-V's VMFirmware fields that apply here).</summary>
public sealed record VmFirmware
{
    public required string VMName { get; init; }

    public Guid VMId { get; init; }

    /// <summary>Always Off: HyperNest's OVMF build (OVMF_CODE_4M.fd) has no Secure Boot.</summary>
    public OnOffState SecureBoot => OnOffState.Off;

    public string SecureBootTemplate { get; init; } = "MicrosoftWindows";

    public IPProtocolPreference PreferredNetworkBootProtocol { get; init; } = IPProtocolPreference.IPv4;

    /// <summary>The devices in the order the firmware tries them.</summary>
    public IReadOnlyList<VmBootSource> BootOrder { get; init; } = [];
}
