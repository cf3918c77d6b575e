using System.Net;
using System.Net.Sockets;

namespace HyperNest.Hosting;

/// <summary>New-NetIPAddress's input rules (NetTCPIP's): a real address, a prefix length that fits, a matching family, an on-link gateway.</summary>
internal static class IpAddressRules
{
    public static (IPAddress Address, int PrefixLength, IPAddress? Gateway) Check(NewNetIpAddressRequest request, string adapterName)
    {
        if (!IPAddress.TryParse(request.IPAddress, out var address) || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw HostErrors.InvalidArgument($"-IPAddress \"{request.IPAddress}\" is not an IPv4 or IPv6 address.", request.IPAddress);
        }

        var family = address.AddressFamily == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        var maxLength = family == "IPv4" ? 32 : 128;
        if (request.AddressFamily is { } given && !string.Equals(given, family, StringComparison.OrdinalIgnoreCase))
        {
            throw HostErrors.InvalidArgument($"-AddressFamily {given} does not match -IPAddress {address}, which is {family}.", request.IPAddress);
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || IsMulticast(address))
        {
            throw HostErrors.InvalidArgument($"{address} cannot be assigned to \"{adapterName}\": it is a loopback, unspecified or multicast address.", request.IPAddress);
        }

        var prefix = request.PrefixLength ?? DefaultPrefixLength(address)
            ?? throw HostErrors.InvalidArgument($"{address} has no default prefix length (class E, reserved): give -PrefixLength (1–{maxLength}).", request.IPAddress);
        if (prefix < 1 || prefix > maxLength)
        {
            throw HostErrors.InvalidArgument($"-PrefixLength {prefix} is out of range for {family}: use 1–{maxLength}.", request.IPAddress);
        }

        IPAddress? gateway = null;
        if (request.DefaultGateway is { Length: > 0 } gatewayText)
        {
            if (!IPAddress.TryParse(gatewayText, out gateway) || gateway.AddressFamily != address.AddressFamily)
            {
                throw HostErrors.InvalidArgument($"-DefaultGateway \"{gatewayText}\" is not an {family} address.", request.IPAddress);
            }

            if (gateway.Equals(address))
            {
                throw HostErrors.InvalidArgument($"-DefaultGateway {gateway} is the address being added; the gateway is another machine on the network (often the .1).", request.IPAddress);
            }

            if (!SameSubnet(address, gateway, prefix))
            {
                throw HostErrors.InvalidArgument($"-DefaultGateway {gateway} is not on the network {address}/{prefix}: a gateway must be reachable directly. Check -PrefixLength.", request.IPAddress);
            }
        }

        return (address, prefix, gateway);
    }

    /// <summary>
    /// Windows' TCP/IP default when no prefix length is given: IPv4 by the address's class (A /8, B /16,
    /// C /24; Microsoft-Windows-TCPIP's documented rule, which New-NetIPAddress applies), IPv6 /64. Classes D
    /// (multicast, refused before this is asked) and E (reserved) have none.
    /// </summary>
    public static int? DefaultPrefixLength(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return 64;
        }

        return address.GetAddressBytes()[0] switch
        {
            < 128 => 8,
            < 192 => 16,
            < 224 => 24,
            _ => null,
        };
    }

    public static bool SameSubnet(IPAddress a, IPAddress b, int prefixLength)
    {
        if (a.AddressFamily != b.AddressFamily)
        {
            return false;
        }

        var left = a.GetAddressBytes();
        var right = b.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((left[bit / 8] & mask) != (right[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? (address.GetAddressBytes()[0] & 0xF0) == 0xE0 : address.IsIPv6Multicast;
}
