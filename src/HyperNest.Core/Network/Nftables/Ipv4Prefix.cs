using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HyperNest.Network.Nftables;

/// <summary>An IPv4 network in CIDR form whose host bits are zero, as New-NetNat's InternalIPInterfaceAddressPrefix.</summary>
public sealed record Ipv4Prefix
{
    private Ipv4Prefix(IPAddress network, int length)
    {
        Network = network;
        Length = length;
    }

    public IPAddress Network { get; }

    public int Length { get; }

    /// <summary>
    /// Rejects host bits rather than silently masking them: "192.168.100.1/24" usually means the
    /// caller confused the gateway address with the prefix, and guessing would NAT a different network.
    /// </summary>
    public static Ipv4Prefix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !IsDottedQuad(text[..slash])
            || !IPAddress.TryParse(text[..slash], out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > 32)
        {
            throw new ArgumentException($"'{Sanitize(text)}' is not an IPv4 prefix such as 192.168.100.0/24.", nameof(text));
        }

        var bits = Bits(address);
        var mask = Mask(length);
        if ((bits & ~mask) != 0)
        {
            var networkBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(networkBytes, bits & mask);
            var network = new IPAddress(networkBytes);
            throw new ArgumentException($"'{text}' has host bits set; the prefix is {network}/{length}.", nameof(text));
        }

        return new Ipv4Prefix(address, length);
    }

    /// <summary>True when <paramref name="address"/> (IPv4) lies inside this prefix.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork && (Bits(address) & Mask(Length)) == Bits(Network);
    }

    /// <summary>Two prefixes overlap when the shorter one contains the longer one's network.</summary>
    public bool Overlaps(Ipv4Prefix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Length <= other.Length ? Contains(other.Network) : other.Contains(Network);
    }

    public override string ToString() => $"{Network}/{Length.ToString(CultureInfo.InvariantCulture)}";

    private static uint Bits(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static uint Mask(int length) => length == 0 ? 0u : uint.MaxValue << (32 - length);

    // IPAddress.TryParse also accepts "10.1", "0x0a.0.0.1" and "10"; only the plain dotted form is meant.
    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit));
    }

    private static string Sanitize(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
