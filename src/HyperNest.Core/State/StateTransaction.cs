using System.Globalization;
using HyperNest.Model;
using Microsoft.Data.Sqlite;

namespace HyperNest.State;

/// <summary>Reads and writes of VM records inside one exclusive transaction of the <see cref="StateStore"/>.</summary>
public sealed partial class StateTransaction
{
    private const string VmColumns =
        "id, name, generation, version, memory_startup_bytes, dynamic_memory, memory_minimum_bytes, memory_maximum_bytes, " +
        "processor_count, expose_virtualization_extensions, image_name, created_at, state, pid, " +
        "started_at, status_message, saved_state_path, accelerator, notes, automatic_start_action, automatic_stop_action, " +
        "automatic_start_delay, automatic_checkpoints, boot_order, secure_boot_template, preferred_network_boot_protocol, folder, " +
        "memory_buffer, memory_priority, resize_with_nested_hypervisor, worker_memory_base_bytes, worker_memory_region_bytes, memory_assigned_bytes";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    internal StateTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>SQLite's two change counters for this connection: commits by other connections (data_version) and its own row changes.</summary>
    public (long DataVersion, long TotalChanges) ChangeCounters()
    {
        using var command = Command("SELECT data_version, total_changes() FROM pragma_data_version;");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public IReadOnlyList<VmRecord> ListVms()
    {
        using var command = Command($"SELECT {VmColumns} FROM vms ORDER BY name COLLATE NOCASE;");
        return ReadVms(command);
    }

    /// <summary>The VM with this name, compared case-insensitively as Hyper-V does.</summary>
    public VmRecord? FindVm(string name)
    {
        using var command = Command($"SELECT {VmColumns} FROM vms WHERE name = $name COLLATE NOCASE;");
        command.Parameters.AddWithValue("$name", name);
        return ReadVms(command).SingleOrDefault();
    }

    public VmRecord? FindVm(Guid id)
    {
        using var command = Command($"SELECT {VmColumns} FROM vms WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return ReadVms(command).SingleOrDefault();
    }

    public void InsertVm(VmRecord vm)
    {
        using var command = Command(
            $"INSERT INTO vms ({VmColumns}) VALUES ($id, $name, $generation, $version, $memory_startup_bytes, $dynamic_memory, " +
            "$memory_minimum_bytes, $memory_maximum_bytes, $processor_count, $expose, $image_name, " +
            "$created_at, $state, $pid, $started_at, $status_message, $saved_state_path, $accelerator, $notes, $start_action, " +
            "$stop_action, $start_delay, $checkpoints, $boot_order, $secure_boot_template, $network_boot_protocol, $folder, " +
            "$memory_buffer, $memory_priority, $resize_with_nested_hypervisor, $worker_memory_base_bytes, $worker_memory_region_bytes, $memory_assigned_bytes);");
        BindVm(command, vm);
        command.ExecuteNonQuery();
    }

    /// <summary>Writes every field of <paramref name="vm"/>; the record must exist.</summary>
    public void UpdateVm(VmRecord vm)
    {
        using var command = Command(
            "UPDATE vms SET name = $name, generation = $generation, version = $version, memory_startup_bytes = $memory_startup_bytes, " +
            "dynamic_memory = $dynamic_memory, memory_minimum_bytes = $memory_minimum_bytes, memory_maximum_bytes = $memory_maximum_bytes, " +
            "processor_count = $processor_count, expose_virtualization_extensions = $expose, image_name = $image_name, " +
            " created_at = $created_at, state = $state, pid = $pid, " +
            "started_at = $started_at, status_message = $status_message, saved_state_path = $saved_state_path, " +
            "accelerator = $accelerator, notes = $notes, automatic_start_action = $start_action, automatic_stop_action = $stop_action, " +
            "automatic_start_delay = $start_delay, automatic_checkpoints = $checkpoints, boot_order = $boot_order, " +
            "secure_boot_template = $secure_boot_template, preferred_network_boot_protocol = $network_boot_protocol, folder = $folder, " +
            "memory_buffer = $memory_buffer, memory_priority = $memory_priority, resize_with_nested_hypervisor = $resize_with_nested_hypervisor, " +
            "worker_memory_base_bytes = $worker_memory_base_bytes, worker_memory_region_bytes = $worker_memory_region_bytes, " +
            "memory_assigned_bytes = $memory_assigned_bytes WHERE id = $id;");
        BindVm(command, vm);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"VM {vm.Id} vanished from the state store during an update.");
        }
    }

    public void DeleteVm(Guid id)
    {
        using var command = Command("DELETE FROM vms WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private static void BindVm(SqliteCommand command, VmRecord vm)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", vm.Id.ToString("D"));
        p.AddWithValue("$name", vm.Name);
        p.AddWithValue("$generation", vm.Generation);
        p.AddWithValue("$version", vm.Version.ToString());
        p.AddWithValue("$memory_startup_bytes", vm.MemoryStartupBytes);
        p.AddWithValue("$dynamic_memory", vm.DynamicMemoryEnabled ? 1 : 0);
        p.AddWithValue("$memory_minimum_bytes", vm.MemoryMinimumBytes);
        p.AddWithValue("$memory_maximum_bytes", vm.MemoryMaximumBytes);
        p.AddWithValue("$processor_count", vm.ProcessorCount);
        p.AddWithValue("$expose", vm.ExposeVirtualizationExtensions ? 1 : 0);
        p.AddWithValue("$image_name", (object?)vm.ImageName ?? DBNull.Value);
        p.AddWithValue("$created_at", vm.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("$state", vm.State.ToString());
        p.AddWithValue("$pid", (object?)vm.Pid ?? DBNull.Value);
        p.AddWithValue("$started_at", (object?)vm.StartedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        p.AddWithValue("$status_message", (object?)vm.StatusMessage ?? DBNull.Value);
        p.AddWithValue("$saved_state_path", (object?)vm.SavedStatePath ?? DBNull.Value);
        p.AddWithValue("$accelerator", (object?)vm.Accelerator?.ToString() ?? DBNull.Value);
        p.AddWithValue("$notes", vm.Notes);
        p.AddWithValue("$start_action", vm.AutomaticStartAction.ToString());
        p.AddWithValue("$stop_action", vm.AutomaticStopAction.ToString());
        p.AddWithValue("$start_delay", vm.AutomaticStartDelay);
        p.AddWithValue("$checkpoints", vm.AutomaticCheckpointsEnabled ? 1 : 0);
        p.AddWithValue("$boot_order", string.Join(',', vm.BootOrder.Select(id => id.ToString("N"))));
        p.AddWithValue("$secure_boot_template", vm.SecureBootTemplate);
        p.AddWithValue("$network_boot_protocol", vm.PreferredNetworkBootProtocol.ToString());
        p.AddWithValue("$folder", (object?)vm.Folder ?? DBNull.Value);
        p.AddWithValue("$memory_buffer", vm.MemoryBuffer);
        p.AddWithValue("$memory_priority", vm.MemoryPriority);
        p.AddWithValue("$resize_with_nested_hypervisor", vm.ResizeWithNestedHypervisor ? 1 : 0);
        p.AddWithValue("$worker_memory_base_bytes", (object?)vm.WorkerMemory?.BaseBytes ?? DBNull.Value);
        p.AddWithValue("$worker_memory_region_bytes", (object?)vm.WorkerMemory?.RegionBytes ?? DBNull.Value);
        p.AddWithValue("$memory_assigned_bytes", (object?)vm.MemoryAssignedBytes ?? DBNull.Value);
    }

    private static List<VmRecord> ReadVms(SqliteCommand command)
    {
        var result = new List<VmRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new VmRecord
            {
                Id = Guid.Parse(reader.GetString(0)),
                Name = reader.GetString(1),
                Generation = reader.GetInt32(2),
                Version = VmConfigurationVersion.TryParse(reader.GetString(3), out var v) ? v.Value : VmConfigurationVersion.Default,
                MemoryStartupBytes = reader.GetInt64(4),
                DynamicMemoryEnabled = reader.GetInt64(5) != 0,
                MemoryMinimumBytes = reader.GetInt64(6),
                MemoryMaximumBytes = reader.GetInt64(7),
                ProcessorCount = reader.GetInt32(8),
                ExposeVirtualizationExtensions = reader.GetInt64(9) != 0,
                ImageName = reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
                State = Enum.Parse<VmState>(reader.GetString(12)),
                Pid = reader.IsDBNull(13) ? null : reader.GetInt32(13),
                StartedAt = reader.IsDBNull(14) ? null : DateTimeOffset.Parse(reader.GetString(14), CultureInfo.InvariantCulture),
                StatusMessage = reader.IsDBNull(15) ? null : reader.GetString(15),
                SavedStatePath = reader.IsDBNull(16) ? null : reader.GetString(16),
                Accelerator = reader.IsDBNull(17) ? null : Enum.Parse<AcceleratorKind>(reader.GetString(17)),
                Notes = reader.GetString(18),
                AutomaticStartAction = Enum.Parse<StartAction>(reader.GetString(19)),
                AutomaticStopAction = Enum.Parse<StopAction>(reader.GetString(20)),
                AutomaticStartDelay = reader.GetInt32(21),
                AutomaticCheckpointsEnabled = reader.GetInt64(22) != 0,
                BootOrder = reader.GetString(23).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                SecureBootTemplate = reader.GetString(24),
                PreferredNetworkBootProtocol = Enum.Parse<IPProtocolPreference>(reader.GetString(25)),
                Folder = reader.IsDBNull(26) ? null : reader.GetString(26),
                MemoryBuffer = reader.GetInt32(27),
                MemoryPriority = reader.GetInt32(28),
                ResizeWithNestedHypervisor = reader.GetInt64(29) != 0,
                WorkerMemory = reader.IsDBNull(30) ? null : new MemoryLayout(reader.GetInt64(30), reader.GetInt64(31)),
                MemoryAssignedBytes = reader.IsDBNull(32) ? null : reader.GetInt64(32),
            });
        }

        return result;
    }
}
