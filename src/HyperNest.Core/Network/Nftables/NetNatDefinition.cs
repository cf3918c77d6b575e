namespace HyperNest.Network.Nftables;

/// <summary>One WinNAT instance as New-NetNat -Name -InternalIPInterfaceAddressPrefix defines it.</summary>
public sealed record NetNatDefinition
{
    public NetNatDefinition(string name, Ipv4Prefix internalPrefix)
    {
        Name = NftText.RequireCommentText(name, nameof(name));
        InternalPrefix = internalPrefix ?? throw new ArgumentNullException(nameof(internalPrefix));
    }

    public string Name { get; }

    public Ipv4Prefix InternalPrefix { get; }
}
