namespace HyperNest.Core.Tests.Network.Linux;

/// <summary>
/// Output captured from iproute2 6.1 on this machine (inside unshare --net, plus the host's eth0),
/// trimmed to the fields the parser reads and a few it must ignore.
/// </summary>
internal static class IpSamples
{
    /// <summary>ip -j -d link show: loopback, a veth, a bridge with an alias, a tap enslaved to it, a virtio NIC.</summary>
    public const string Links = """
        [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","promiscuity":0,"inet6_addr_gen_mode":"eui64"},
         {"ifindex":5,"ifname":"ttap","flags":["BROADCAST","MULTICAST"],"mtu":1500,"qdisc":"noop","master":"tbr","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"46:50:06:00:f6:59","broadcast":"ff:ff:ff:ff:ff:ff","linkinfo":{"info_kind":"tun","info_data":{"type":"tap","pi":false,"vnet_hdr":false,"multi_queue":false,"persist":true},"info_slave_kind":"bridge","info_slave_data":{"state":"disabled","priority":32,"cost":2}}},
         {"ifindex":3,"link":"tvb","ifname":"tva","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"4e:66:f4:dd:59:d7","broadcast":"ff:ff:ff:ff:ff:ff","linkinfo":{"info_kind":"veth"}},
         {"ifindex":4,"ifname":"tbr","flags":["BROADCAST","MULTICAST"],"mtu":1500,"qdisc":"noop","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"46:50:06:00:f6:59","broadcast":"ff:ff:ff:ff:ff:ff","linkinfo":{"info_kind":"bridge","info_data":{"forward_delay":1500,"stp_state":0,"bridge_id":"8000.46:50:6:0:f6:59"}},"ifalias":"vEthernet (Lab)"},
         {"ifindex":2,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1400,"qdisc":"pfifo_fast","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:fc:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","parentbus":"virtio","parentdev":"virtio2"}]
        """;

    /// <summary>ip -j addr show: a DHCP-like address (finite lifetime, "dynamic"), a static IPv6 one, a link-local, and a link with none.</summary>
    public const string Addresses = """
        [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"operstate":"UNKNOWN","link_type":"loopback","address":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]},
         {"ifindex":3,"link":"tvb","ifname":"tva","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"operstate":"UP","link_type":"ether","address":"8a:6e:79:59:59:38","addr_info":[{"family":"inet","local":"192.168.7.20","prefixlen":24,"scope":"global","dynamic":true,"label":"tva","valid_life_time":3600,"preferred_life_time":1800},{"family":"inet6","local":"fd00::1","prefixlen":64,"scope":"global","nodad":true,"valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fe80::886e:79ff:fe59:5938","prefixlen":64,"scope":"link","tentative":true,"valid_life_time":4294967295,"preferred_life_time":4294967295}]},
         {"ifindex":4,"ifname":"tbr","flags":["BROADCAST","MULTICAST"],"mtu":1500,"operstate":"DOWN","link_type":"ether","address":"46:50:06:00:f6:59","addr_info":[]}]
        """;

    /// <summary>ip -4 -j route show default.</summary>
    public const string Ipv4DefaultRoutes = """
        [{"dst":"default","gateway":"192.168.7.1","dev":"tva","metric":100,"flags":[]}]
        """;

    /// <summary>ip -6 -j route show default: a route via a gateway and an unreachable default (which goes nowhere).</summary>
    public const string Ipv6DefaultRoutes = """
        [{"dst":"default","gateway":"fd00::fe","dev":"tva","metric":1024,"flags":[],"pref":"medium"},{"type":"unreachable","dst":"default","dev":"lo","metric":4000,"flags":[],"pref":"medium"}]
        """;

    /// <summary>ip -4 -j route show default with a multipath default (ip route replace default nexthop … nexthop …).</summary>
    public const string MultipathDefaultRoutes = """
        [{"dst":"default","flags":[],"nexthops":[{"gateway":"192.168.7.1","dev":"tva","weight":1,"flags":[]},{"gateway":"192.168.7.2","dev":"tvb","weight":1,"flags":[]}]}]
        """;
}
