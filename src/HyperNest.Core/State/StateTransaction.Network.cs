using System.Globalization;
using HyperNest.Hosting;
using HyperNest.Model;
using Microsoft.Data.Sqlite;

namespace HyperNest.State;

/// <summary>Reads and writes of switches, VM network adapters and the host's stored IP configuration.</summary>
public sealed partial class StateTransaction
{
    private const string SwitchColumns =
        "id, name, switch_type, bridge, net_adapter, net_adapter_description, net_adapter_mac, allow_management_os, notes, created_at, " +
        "host_vlan_mode, host_vlan_access_id, host_vlan_native_id, host_vlan_allowed";

    private const string AdapterColumns =
        "id, vm_id, slot, name, switch_id, mac, static_mac, mac_spoofing, dhcp_guard, router_guard, vlan_mode, vlan_access_id, vlan_native_id, vlan_allowed";

    public IReadOnlyList<SwitchRecord> ListSwitches()
    {
        using var command = Command($"SELECT {SwitchColumns} FROM vm_switches ORDER BY name COLLATE NOCASE;");
        return ReadSwitches(command);
    }

    public SwitchRecord? FindSwitch(string name)
    {
        using var command = Command($"SELECT {SwitchColumns} FROM vm_switches WHERE name = $name COLLATE NOCASE;");
        command.Parameters.AddWithValue("$name", name);
        return ReadSwitches(command).SingleOrDefault();
    }

    public void InsertSwitch(SwitchRecord record)
    {
        using var command = Command(
            $"INSERT INTO vm_switches ({SwitchColumns}) VALUES ($id, $name, $type, $bridge, $nic, $nic_description, $nic_mac, $amos, $notes, $created_at, " +
            "$vlan_mode, $vlan_access, $vlan_native, $vlan_allowed);");
        BindSwitch(command, record);
        command.ExecuteNonQuery();
    }

    public void UpdateSwitch(SwitchRecord record)
    {
        using var command = Command(
            "UPDATE vm_switches SET name = $name, switch_type = $type, bridge = $bridge, net_adapter = $nic, net_adapter_description = $nic_description, " +
            "net_adapter_mac = $nic_mac, allow_management_os = $amos, notes = $notes, created_at = $created_at, host_vlan_mode = $vlan_mode, " +
            "host_vlan_access_id = $vlan_access, host_vlan_native_id = $vlan_native, host_vlan_allowed = $vlan_allowed WHERE id = $id;");
        BindSwitch(command, record);
        command.ExecuteNonQuery();
    }

    public void DeleteSwitch(Guid id) => Execute("DELETE FROM vm_switches WHERE id = $id;", ("$id", id.ToString("D")));

    public IReadOnlyList<NetworkAdapterRecord> ListAdapters()
    {
        using var command = Command($"SELECT {AdapterColumns} FROM vm_network_adapters ORDER BY vm_id, slot;");
        return ReadAdapters(command);
    }

    public IReadOnlyList<NetworkAdapterRecord> ListAdapters(Guid vmId)
    {
        using var command = Command($"SELECT {AdapterColumns} FROM vm_network_adapters WHERE vm_id = $vm ORDER BY slot;");
        command.Parameters.AddWithValue("$vm", vmId.ToString("D"));
        return ReadAdapters(command);
    }

    public bool MacInUse(string mac, Guid? exceptAdapter = null)
    {
        using var command = Command("SELECT COUNT(*) FROM vm_network_adapters WHERE mac = $mac AND id != $except;");
        command.Parameters.AddWithValue("$mac", mac);
        command.Parameters.AddWithValue("$except", (exceptAdapter ?? Guid.Empty).ToString("D"));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    public void InsertAdapter(NetworkAdapterRecord record)
    {
        using var command = Command($"INSERT INTO vm_network_adapters ({AdapterColumns}) VALUES ($id, $vm, $slot, $name, $switch, $mac, $static, $spoof, $dhcp, $router, " +
            "$vlan_mode, $vlan_access, $vlan_native, $vlan_allowed);");
        BindAdapter(command, record);
        command.ExecuteNonQuery();
    }

    public void UpdateAdapter(NetworkAdapterRecord record)
    {
        using var command = Command(
            "UPDATE vm_network_adapters SET vm_id = $vm, slot = $slot, name = $name, switch_id = $switch, mac = $mac, static_mac = $static, " +
            "mac_spoofing = $spoof, dhcp_guard = $dhcp, router_guard = $router, vlan_mode = $vlan_mode, vlan_access_id = $vlan_access, " +
            "vlan_native_id = $vlan_native, vlan_allowed = $vlan_allowed WHERE id = $id;");
        BindAdapter(command, record);
        command.ExecuteNonQuery();
    }

    public void DeleteAdapter(Guid id) => Execute("DELETE FROM vm_network_adapters WHERE id = $id;", ("$id", id.ToString("D")));

    public IReadOnlyList<NetNatRecord> ListNats()
    {
        using var command = Command("SELECT name, internal_prefix, created_at FROM net_nats ORDER BY created_at, name;");
        var result = new List<NetNatRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new NetNatRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    public void InsertNat(NetNatRecord nat) => Execute(
        "INSERT INTO net_nats (name, internal_prefix, created_at) VALUES ($name, $prefix, $created);",
        ("$name", nat.Name), ("$prefix", nat.InternalPrefix), ("$created", nat.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));

    public void DeleteNat(string name) => Execute("DELETE FROM net_nats WHERE name = $name COLLATE NOCASE;", ("$name", name));

    public IReadOnlyList<StoredIpAddress> ListIpAddresses()
    {
        using var command = Command("SELECT interface, address, prefix_length FROM net_ip_addresses ORDER BY interface, address;");
        var result = new List<StoredIpAddress>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredIpAddress(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return result;
    }

    public void InsertIpAddress(StoredIpAddress address) => Execute(
        "INSERT OR REPLACE INTO net_ip_addresses (interface, address, prefix_length) VALUES ($if, $address, $prefix);",
        ("$if", address.Interface), ("$address", address.Address), ("$prefix", address.PrefixLength));

    public void DeleteIpAddress(string link, string address) =>
        Execute("DELETE FROM net_ip_addresses WHERE interface = $if AND address = $address;", ("$if", link), ("$address", address));

    public IReadOnlyList<StoredGateway> ListGateways()
    {
        using var command = Command("SELECT interface, gateway FROM net_default_gateways ORDER BY interface, gateway;");
        var result = new List<StoredGateway>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredGateway(reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    public void InsertGateway(StoredGateway gateway) => Execute(
        "INSERT OR REPLACE INTO net_default_gateways (interface, gateway) VALUES ($if, $gateway);",
        ("$if", gateway.Interface), ("$gateway", gateway.Gateway));

    public void DeleteGateway(string link, string gateway) =>
        Execute("DELETE FROM net_default_gateways WHERE interface = $if AND gateway = $gateway;", ("$if", link), ("$gateway", gateway));

    public IReadOnlyList<StoredDnsServer> ListDnsServers()
    {
        using var command = Command("SELECT interface, position, address FROM net_dns_servers ORDER BY interface, position;");
        var result = new List<StoredDnsServer>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredDnsServer(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return result;
    }

    /// <summary>Replaces the interface's DNS servers with <paramref name="servers"/>, positions 1…n in order.</summary>
    public void ReplaceDnsServers(string link, IReadOnlyList<string> servers)
    {
        Execute("DELETE FROM net_dns_servers WHERE interface = $if;", ("$if", link));
        for (var i = 0; i < servers.Count; i++)
        {
            Execute("INSERT INTO net_dns_servers (interface, position, address) VALUES ($if, $position, $address);",
                ("$if", link), ("$position", i + 1), ("$address", servers[i]));
        }
    }

    /// <summary>
    /// Moves every stored address, gateway and DNS server of <paramref name="from"/> to <paramref name="to"/>:
    /// an External switch takes its NIC's IP configuration onto its bridge, and gives it back when removed.
    /// </summary>
    public void RekeyInterface(string from, string to)
    {
        foreach (var table in new[] { "net_ip_addresses", "net_default_gateways", "net_dns_servers" })
        {
            Execute($"UPDATE OR REPLACE {table} SET interface = $to WHERE interface = $from;", ("$to", to), ("$from", from));
        }
    }

    /// <summary>Forgets every stored address, gateway and DNS server of a link that is going away.</summary>
    public void ForgetInterface(string link)
    {
        foreach (var table in new[] { "net_ip_addresses", "net_default_gateways", "net_dns_servers" })
        {
            Execute($"DELETE FROM {table} WHERE interface = $if;", ("$if", link));
        }
    }

    public string? GetSetting(string key)
    {
        using var command = Command("SELECT value FROM host_settings WHERE key = $key;");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Stores a setting; null deletes it.</summary>
    public void SetSetting(string key, string? value)
    {
        if (value is null)
        {
            Execute("DELETE FROM host_settings WHERE key = $key;", ("$key", key));
        }
        else
        {
            Execute("INSERT OR REPLACE INTO host_settings (key, value) VALUES ($key, $value);", ("$key", key), ("$value", value));
        }
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static void BindSwitch(SqliteCommand command, SwitchRecord record)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", record.Id.ToString("D"));
        p.AddWithValue("$name", record.Name);
        p.AddWithValue("$type", record.SwitchType.ToString());
        p.AddWithValue("$bridge", record.Bridge);
        p.AddWithValue("$nic", (object?)record.NetAdapter ?? DBNull.Value);
        p.AddWithValue("$nic_description", record.NetAdapterDescription);
        p.AddWithValue("$nic_mac", (object?)record.NetAdapterMac ?? DBNull.Value);
        p.AddWithValue("$amos", record.AllowManagementOS ? 1 : 0);
        p.AddWithValue("$notes", record.Notes);
        p.AddWithValue("$created_at", record.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        BindVlan(command, record.HostVlan);
    }

    private static List<SwitchRecord> ReadSwitches(SqliteCommand command)
    {
        var result = new List<SwitchRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new SwitchRecord
            {
                Id = Guid.Parse(reader.GetString(0)),
                Name = reader.GetString(1),
                SwitchType = Enum.Parse<VmSwitchType>(reader.GetString(2)),
                Bridge = reader.GetString(3),
                NetAdapter = reader.IsDBNull(4) ? null : reader.GetString(4),
                NetAdapterDescription = reader.GetString(5),
                NetAdapterMac = reader.IsDBNull(6) ? null : reader.GetString(6),
                AllowManagementOS = reader.GetInt64(7) != 0,
                Notes = reader.GetString(8),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                HostVlan = ReadVlan(reader, 10),
            });
        }

        return result;
    }

    private static void BindAdapter(SqliteCommand command, NetworkAdapterRecord record)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", record.Id.ToString("D"));
        p.AddWithValue("$vm", record.VmId.ToString("D"));
        p.AddWithValue("$slot", record.Slot);
        p.AddWithValue("$name", record.Name);
        p.AddWithValue("$switch", (object?)record.SwitchId?.ToString("D") ?? DBNull.Value);
        p.AddWithValue("$mac", record.Mac);
        p.AddWithValue("$static", record.StaticMac ? 1 : 0);
        p.AddWithValue("$spoof", record.MacSpoofing ? 1 : 0);
        p.AddWithValue("$dhcp", record.DhcpGuard ? 1 : 0);
        p.AddWithValue("$router", record.RouterGuard ? 1 : 0);
        BindVlan(command, record.Vlan);
    }

    private static void BindVlan(SqliteCommand command, PortVlan vlan)
    {
        var p = command.Parameters;
        p.AddWithValue("$vlan_mode", vlan.Mode.ToString());
        p.AddWithValue("$vlan_access", vlan.AccessVlanId);
        p.AddWithValue("$vlan_native", vlan.NativeVlanId);
        p.AddWithValue("$vlan_allowed", vlan.AllowedVlanIds.ToString());
    }

    private static PortVlan ReadVlan(SqliteDataReader reader, int first) => new()
    {
        Mode = Enum.Parse<VmNetworkAdapterVlanMode>(reader.GetString(first)),
        AccessVlanId = reader.GetInt32(first + 1),
        NativeVlanId = reader.GetInt32(first + 2),
        AllowedVlanIds = reader.GetString(first + 3) is { Length: > 0 } allowed ? VlanIdList.Parse(allowed) : VlanIdList.Empty,
    };

    private static List<NetworkAdapterRecord> ReadAdapters(SqliteCommand command)
    {
        var result = new List<NetworkAdapterRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new NetworkAdapterRecord
            {
                Id = Guid.Parse(reader.GetString(0)),
                VmId = Guid.Parse(reader.GetString(1)),
                Slot = reader.GetInt32(2),
                Name = reader.GetString(3),
                SwitchId = reader.IsDBNull(4) ? null : Guid.Parse(reader.GetString(4)),
                Mac = reader.GetString(5),
                StaticMac = reader.GetInt64(6) != 0,
                MacSpoofing = reader.GetInt64(7) != 0,
                DhcpGuard = reader.GetInt64(8) != 0,
                RouterGuard = reader.GetInt64(9) != 0,
                Vlan = ReadVlan(reader, 10),
            });
        }

        return result;
    }
}
