using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>
/// Reads iproute2's JSON output (<c>ip -j</c>). Links come back without speed and driver, which are not
/// in rtnetlink; <see cref="SysfsNetwork"/> adds them.
/// </summary>
public static partial class IpJsonParser
{
    /// <summary>iproute2 prints an infinite lifetime (INFINITY_LIFE_TIME) as this number in JSON.</summary>
    private const long InfiniteLifetime = 4294967295;

    /// <summary>Parses <c>ip -j -d link show</c>; -d is what adds linkinfo (the kind).</summary>
    public static IReadOnlyList<LinkInfo> ParseLinks(string json)
    {
        using var document = Parse(json, "ip -j -d link show");
        var links = new List<LinkInfo>();
        foreach (var link in document.RootElement.EnumerateArray())
        {
            var linkType = String(link, "link_type");
            var kind = link.TryGetProperty("linkinfo", out var info) && String(info, "info_kind") is { } infoKind
                ? infoKind
                : linkType == "loopback" ? "loopback" : "";
            var address = String(link, "address");
            links.Add(new LinkInfo(
                Index: Int(link, "ifindex"),
                Name: RequiredString(link, "ifname"),
                Kind: kind,
                MacAddress: address is not null && MacPattern().IsMatch(address) ? address : null,
                OperState: String(link, "operstate") ?? "UNKNOWN",
                AdminUp: link.TryGetProperty("flags", out var flags) && flags.EnumerateArray().Any(f => f.GetString() == "UP"),
                Master: String(link, "master"),
                Alias: String(link, "ifalias"),
                Mtu: Int(link, "mtu"),
                SpeedMbps: null,
                Driver: null));
        }

        return links.OrderBy(l => l.Index).ToList();
    }

    /// <summary>Parses <c>ip -j addr show</c>.</summary>
    public static IReadOnlyList<AddressInfo> ParseAddresses(string json)
    {
        using var document = Parse(json, "ip -j addr show");
        var addresses = new List<AddressInfo>();
        foreach (var link in document.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var entries))
            {
                continue;
            }

            var index = Int(link, "ifindex");
            var name = RequiredString(link, "ifname");
            foreach (var entry in entries.EnumerateArray())
            {
                // "local" is this host's address; on a point-to-point link "address" is the peer's.
                if (String(entry, "local") is not { } local || !IPAddress.TryParse(local, out var address))
                {
                    continue;
                }

                addresses.Add(new AddressInfo(
                    index,
                    name,
                    address,
                    Int(entry, "prefixlen"),
                    IsDynamic(entry),
                    String(entry, "scope") ?? "global"));
            }
        }

        return addresses;
    }

    /// <summary>Parses <c>ip [-4|-6] -j route show default</c>; a multipath route gives one entry per next hop.</summary>
    public static IReadOnlyList<RouteInfo> ParseDefaultRoutes(string json)
    {
        using var document = Parse(json, "ip -j route show default");
        var routes = new List<RouteInfo>();
        foreach (var route in document.RootElement.EnumerateArray())
        {
            // "unreachable"/"prohibit"/"blackhole" defaults carry a type and go nowhere.
            if (String(route, "dst") is not ("default" or "0.0.0.0/0" or "::/0") || String(route, "type") is { } type && type != "unicast")
            {
                continue;
            }

            var metric = route.TryGetProperty("metric", out var m) ? m.GetInt32() : 0;
            if (route.TryGetProperty("nexthops", out var hops))
            {
                routes.AddRange(hops.EnumerateArray()
                    .Where(hop => String(hop, "dev") is not null)
                    .Select(hop => new RouteInfo(String(hop, "dev")!, Gateway(hop), metric)));
            }
            else if (String(route, "dev") is { } device)
            {
                routes.Add(new RouteInfo(device, Gateway(route), metric));
            }
        }

        return routes;
    }

    /// <summary>
    /// DHCP and SLAAC addresses have a finite valid lifetime; iproute2 also marks them "dynamic" (IFA_F_DYNAMIC
    /// is not set by every DHCP client, so the lifetime decides too). Older iproute2 printed "forever".
    /// </summary>
    private static bool IsDynamic(JsonElement entry)
    {
        if (entry.TryGetProperty("dynamic", out var flag) && flag.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (!entry.TryGetProperty("valid_life_time", out var lifetime))
        {
            return false;
        }

        return lifetime.ValueKind switch
        {
            JsonValueKind.Number => lifetime.GetInt64() != InfiniteLifetime,
            JsonValueKind.String => lifetime.GetString() is not ("forever" or "4294967295"),
            _ => false,
        };
    }

    private static IPAddress? Gateway(JsonElement element) =>
        String(element, "gateway") is { } text && IPAddress.TryParse(text, out var gateway) ? gateway : null;

    private static JsonDocument Parse(string json, string command)
    {
        try
        {
            var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                throw new NetworkBackendException($"'{command}' printed JSON that is not an array.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new NetworkBackendException($"'{command}' printed output that is not JSON: {e.Message}", e);
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement element, string property) =>
        String(element, property) ?? throw new NetworkBackendException($"ip printed an entry without \"{property}\".");

    private static int Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : element.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : 0;

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", RegexOptions.IgnoreCase)]
    private static partial Regex MacPattern();
}
