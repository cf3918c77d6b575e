using HyperNest.Model;
using HyperNest.State;
using Microsoft.Data.Sqlite;

namespace HyperNest.Core.Tests.State;

/// <summary>A store written before Set-VM existed (schema 2) opens, and its VMs read with Hyper-V's defaults.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-migrate-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Builds the schema as HyperNest 2 left it (migrations 1 and 2) with one Saved VM.</summary>
    private Guid WriteSchemaTwoStore()
    {
        var id = Guid.NewGuid();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);" +
            Migrations.All[0] + Migrations.All[1] +
            "INSERT INTO schema_migrations VALUES (1, '2025-01-01T00:00:00Z'), (2, '2025-01-01T00:00:00Z');" +
            "INSERT INTO vms (id, name, generation, version, memory_startup_bytes, processor_count, created_at, state) " +
            $"VALUES ('{id:D}', 'old', 2, '12.0', 536870912, 2, '2025-01-01T00:00:00.0000000+00:00', 'Saved');";
        command.ExecuteNonQuery();
        return id;
    }

    [Fact]
    public void Open_SchemaTwoStore_AddsSetVmColumnsWithHyperVDefaults()
    {
        var id = WriteSchemaTwoStore();

        using var store = StateStore.Open(DatabasePath);
        var vm = store.Transact(tx => tx.FindVm(id));

        Assert.NotNull(vm);
        Assert.Equal(VmState.Saved, vm.State);
        Assert.Equal(2, vm.ProcessorCount);
        Assert.Equal("", vm.Notes);
        Assert.Equal(StartAction.StartIfRunning, vm.AutomaticStartAction);
        Assert.Equal(StopAction.Save, vm.AutomaticStopAction);
        Assert.Equal(0, vm.AutomaticStartDelay);
        Assert.True(vm.AutomaticCheckpointsEnabled);
    }

    [Fact]
    public void UpdateVm_SetVmColumns_RoundTrip()
    {
        var id = WriteSchemaTwoStore();
        using var store = StateStore.Open(DatabasePath);

        store.Transact(tx => tx.UpdateVm(tx.FindVm(id)! with
        {
            Notes = "it's a 'lab'",
            AutomaticStartAction = StartAction.Nothing,
            AutomaticStopAction = StopAction.TurnOff,
            AutomaticStartDelay = 120,
            AutomaticCheckpointsEnabled = false,
        }));
        var vm = store.Transact(tx => tx.FindVm(id))!;

        Assert.Equal("it's a 'lab'", vm.Notes);
        Assert.Equal(StartAction.Nothing, vm.AutomaticStartAction);
        Assert.Equal(StopAction.TurnOff, vm.AutomaticStopAction);
        Assert.Equal(120, vm.AutomaticStartDelay);
        Assert.False(vm.AutomaticCheckpointsEnabled);
    }

    [Fact]
    public void Open_SchemaTwoStore_RecordsEveryMigrationUpToTheLatest()
    {
        WriteSchemaTwoStore();
        using (StateStore.Open(DatabasePath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_migrations;";
        Assert.Equal((long)Migrations.All.Count, command.ExecuteScalar());
    }

    [Theory]
    [InlineData(1, ControllerType.IDE)]
    [InlineData(2, ControllerType.SCSI)]
    public void Open_StoreWithOneDiskPerVm_MovesTheDiskIntoTheDriveListWhereHyperVBootsFrom(int generation, ControllerType controller)
    {
        var id = Guid.NewGuid();
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);" +
                Migrations.All[0] + Migrations.All[1] + Migrations.All[2] +
                "INSERT INTO schema_migrations VALUES (1, 'x'), (2, 'x'), (3, 'x');" +
                "INSERT INTO vms (id, name, generation, version, memory_startup_bytes, processor_count, disk_path, disk_owned, created_at, state) " +
                $"VALUES ('{id:D}', 'old', {generation}, '12.0', 536870912, 1, '/var/lib/hypernest/vms/x/disk.qcow2', 1, '2025-01-01T00:00:00.0000000+00:00', 'Off');";
            command.ExecuteNonQuery();
        }

        using var store = StateStore.Open(DatabasePath);
        var drive = Assert.Single(store.Transact(tx => tx.ListDrives(id)));
        var vm = store.Transact(tx => tx.FindVm(id))!;

        Assert.Equal((DriveKind.HardDisk, controller, 0, 0), (drive.Kind, drive.ControllerType, drive.ControllerNumber, drive.ControllerLocation));
        Assert.Equal(("/var/lib/hypernest/vms/x/disk.qcow2", "qcow2", true), (drive.Path, drive.Format, drive.Owned));
        Assert.Empty(vm.BootOrder);
        Assert.Equal(IPProtocolPreference.IPv4, vm.PreferredNetworkBootProtocol);
        store.Transact(tx => tx.UpdateDrive(drive with { ControllerLocation = 1 }));
        Assert.Equal(1, store.Transact(tx => tx.ListDrives(id)).Single().ControllerLocation);
    }
}
