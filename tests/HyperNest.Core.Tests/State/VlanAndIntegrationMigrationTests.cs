using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.State;
using Microsoft.Data.Sqlite;

namespace HyperNest.Core.Tests.State;

/// <summary>A store written before VLANs and integration services (schema 3) opens with every port Untagged and every service at its default.</summary>
public sealed class VlanAndIntegrationMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-migrate4-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private (Guid Vm, Guid Adapter, Guid Switch) WriteSchemaThreeStore()
    {
        var (vm, adapter, vmSwitch) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);" +
            Migrations.All[0] + Migrations.All[1] + Migrations.All[2] +
            "INSERT INTO schema_migrations VALUES (1, '2025-01-01T00:00:00Z'), (2, '2025-01-01T00:00:00Z'), (3, '2025-01-01T00:00:00Z');" +
            "INSERT INTO vms (id, name, generation, version, memory_startup_bytes, processor_count, created_at, state) " +
            $"VALUES ('{vm:D}', 'old', 2, '12.0', 536870912, 2, '2025-01-01T00:00:00.0000000+00:00', 'Off');" +
            "INSERT INTO vm_switches (id, name, switch_type, bridge, created_at) " +
            $"VALUES ('{vmSwitch:D}', 'Lab', 'Internal', 'hnbr1', '2025-01-01T00:00:00.0000000+00:00');" +
            "INSERT INTO vm_network_adapters (id, vm_id, slot, name, switch_id, mac) " +
            $"VALUES ('{adapter:D}', '{vm:D}', 0, 'Network Adapter', '{vmSwitch:D}', '02:48:4e:00:00:01');";
        command.ExecuteNonQuery();
        return (vm, adapter, vmSwitch);
    }

    [Fact]
    public void Open_SchemaThreeStore_LeavesEveryPortUntaggedAndNoServiceChoice()
    {
        var (vm, _, _) = WriteSchemaThreeStore();

        using var store = StateStore.Open(DatabasePath);

        Assert.Same(PortVlan.Untagged.AllowedVlanIds, VlanIdList.Empty);
        Assert.All(store.Transact(tx => tx.ListAdapters(vm)), a => Assert.True(a.Vlan.IsUntagged));
        Assert.All(store.Transact(tx => tx.ListSwitches()), s => Assert.True(s.HostVlan.IsUntagged));
        Assert.Empty(store.Transact(tx => tx.ListIntegrationServiceChoices()));
    }

    [Fact]
    public void PortVlansAndServiceChoices_RoundTrip()
    {
        var (vm, adapter, vmSwitch) = WriteSchemaThreeStore();
        using var store = StateStore.Open(DatabasePath);

        store.Transact(tx =>
        {
            tx.UpdateAdapter(tx.ListAdapters(vm).Single() with
            {
                Vlan = new PortVlan { Mode = VmNetworkAdapterVlanMode.Trunk, NativeVlanId = 10, AllowedVlanIds = VlanIdList.Parse("200,1-100") },
            });
            tx.UpdateSwitch(tx.ListSwitches().Single() with { HostVlan = new PortVlan { Mode = VmNetworkAdapterVlanMode.Access, AccessVlanId = 20 } });
            tx.SetIntegrationServiceChoice(vm, "Shutdown", false);
        });

        var port = store.Transact(tx => tx.ListAdapters(vm)).Single(a => a.Id == adapter).Vlan;
        Assert.Equal(VmNetworkAdapterVlanMode.Trunk, port.Mode);
        Assert.Equal(10, port.NativeVlanId);
        Assert.Equal("1-100,200", port.AllowedVlanIds.ToString());
        var host = store.Transact(tx => tx.ListSwitches()).Single(s => s.Id == vmSwitch).HostVlan;
        Assert.Equal((VmNetworkAdapterVlanMode.Access, 20), (host.Mode, host.AccessVlanId));
        Assert.False(store.Transact(tx => tx.ListIntegrationServiceChoices())[vm]["shutdown"]);
    }
}
