using HyperNest.Model;

namespace HyperNest.PowerShell.Cmdlets.Network;

/// <summary>The filters Get- and Remove-NetIPAddress share: address, interface alias or index (wildcards on text), family.</summary>
internal sealed record NetIpAddressFilter(string[]? IPAddress, string[]? InterfaceAlias, int[]? InterfaceIndex, string? AddressFamily)
{
    public bool IsEmpty => IPAddress is null && InterfaceAlias is null && InterfaceIndex is null && AddressFamily is null;

    public bool Matches(NetIpAddress address) =>
        NamePatterns.Matches(IPAddress, address.IPAddress)
        && NamePatterns.Matches(InterfaceAlias, address.InterfaceAlias)
        && (InterfaceIndex is null || InterfaceIndex.Length == 0 || InterfaceIndex.Contains(address.InterfaceIndex))
        && AddressFamilies.Matches(AddressFamily, address.AddressFamily);

    /// <summary>Windows' "No MSFT_NetIPAddress objects found" for the first filter that explains an empty result.</summary>
    public (string Property, string Value) Described() =>
        IPAddress is { Length: > 0 } ? ("IPAddress", string.Join(", ", IPAddress))
        : InterfaceAlias is { Length: > 0 } ? ("InterfaceAlias", string.Join(", ", InterfaceAlias))
        : InterfaceIndex is { Length: > 0 } ? ("InterfaceIndex", string.Join(", ", InterfaceIndex))
        : ("AddressFamily", AddressFamily ?? "");
}
