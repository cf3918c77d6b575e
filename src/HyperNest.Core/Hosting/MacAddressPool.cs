using System.Security.Cryptography;
using HyperNest.Network.Nftables;

namespace HyperNest.Hosting;

/// <summary>
/// Dynamic MACs for VM adapters, as Hyper-V hands out addresses from its 00-15-5D pool. HyperNest's pool
/// is 02-48-4E-xx-xx-xx: locally administered (bit 1 of the first octet), unicast, "HN" in the middle.
/// The last three octets are random, not sequential: an L1 host and its own L2 guests draw from separate
/// stores but meet on the same wire, and random draws keep them from colliding.
/// </summary>
internal static class MacAddressPool
{
    public const string Prefix = "02:48:4e";

    public static string Next(Func<string, bool> inUse)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var bytes = RandomNumberGenerator.GetBytes(3);
            var mac = $"{Prefix}:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}";
            if (!inUse(mac))
            {
                return mac;
            }
        }

        throw HostErrors.Failed("No free MAC address was found in HyperNest's pool (02-48-4E-xx-xx-xx); remove unused network adapters.");
    }

    /// <summary>A -StaticMacAddress: any of the three notations, unicast and not all zeros.</summary>
    public static string ParseStatic(string text, string target)
    {
        string canonical;
        try
        {
            canonical = MacAddress.Parse(text).ToString();
        }
        catch (ArgumentException ex)
        {
            throw HostErrors.InvalidArgument($"-StaticMacAddress: {ex.Message} Hyper-V writes it as 00155D000001.", target);
        }

        var first = Convert.ToByte(canonical[..2], 16);
        if ((first & 1) != 0 || canonical == "00:00:00:00:00:00")
        {
            throw HostErrors.InvalidArgument($"-StaticMacAddress {text} is a multicast or empty address; a network adapter needs a unicast one (the first octet even).", target);
        }

        return canonical;
    }

    /// <summary>Hyper-V's display form: twelve upper-case hex digits.</summary>
    public static string Display(string mac) => mac.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
}
