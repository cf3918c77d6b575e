using HyperNest.Model;
using Microsoft.Data.Sqlite;

namespace HyperNest.State;

/// <summary>Reads and writes of VM drives (vm_drives); a VM's drives go with it (ON DELETE CASCADE).</summary>
public sealed partial class StateTransaction
{
    private const string DriveColumns = "id, vm_id, kind, controller_type, controller_number, controller_location, path, format, owned";

    /// <summary>The VM's drives in controller order (IDE before SCSI, then number, then location).</summary>
    public IReadOnlyList<DriveRecord> ListDrives(Guid vmId)
    {
        using var command = Command($"SELECT {DriveColumns} FROM vm_drives WHERE vm_id = $vm_id;");
        command.Parameters.AddWithValue("$vm_id", vmId.ToString("D"));
        return InControllerOrder(ReadDrives(command));
    }

    /// <summary>Every VM's drives (Get-VM of all VMs, and "is this file attached anywhere").</summary>
    public IReadOnlyList<DriveRecord> ListDrives()
    {
        using var command = Command($"SELECT {DriveColumns} FROM vm_drives;");
        return InControllerOrder(ReadDrives(command));
    }

    public void InsertDrive(DriveRecord drive)
    {
        using var command = Command(
            $"INSERT INTO vm_drives ({DriveColumns}) VALUES ($id, $vm_id, $kind, $controller_type, $controller_number, $controller_location, $path, $format, $owned);");
        BindDrive(command, drive);
        command.ExecuteNonQuery();
    }

    public void UpdateDrive(DriveRecord drive)
    {
        using var command = Command(
            "UPDATE vm_drives SET kind = $kind, controller_type = $controller_type, controller_number = $controller_number, " +
            "controller_location = $controller_location, path = $path, format = $format, owned = $owned WHERE id = $id AND vm_id = $vm_id;");
        BindDrive(command, drive);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Drive {drive.Id} vanished from the state store during an update.");
        }
    }

    public void DeleteDrive(Guid id)
    {
        using var command = Command("DELETE FROM vm_drives WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id.ToString("N"));
        command.ExecuteNonQuery();
    }

    private static List<DriveRecord> InControllerOrder(IEnumerable<DriveRecord> drives) =>
        drives.OrderBy(d => d.ControllerType).ThenBy(d => d.ControllerNumber).ThenBy(d => d.ControllerLocation).ToList();

    private static void BindDrive(SqliteCommand command, DriveRecord drive)
    {
        var p = command.Parameters;
        // "N": the form migration 4 writes, so one id never has two spellings in the table.
        p.AddWithValue("$id", drive.Id.ToString("N"));
        p.AddWithValue("$vm_id", drive.VmId.ToString("D"));
        p.AddWithValue("$kind", drive.Kind.ToString());
        p.AddWithValue("$controller_type", drive.ControllerType.ToString());
        p.AddWithValue("$controller_number", drive.ControllerNumber);
        p.AddWithValue("$controller_location", drive.ControllerLocation);
        p.AddWithValue("$path", (object?)drive.Path ?? DBNull.Value);
        p.AddWithValue("$format", drive.Format);
        p.AddWithValue("$owned", drive.Owned ? 1 : 0);
    }

    private static List<DriveRecord> ReadDrives(SqliteCommand command)
    {
        var result = new List<DriveRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DriveRecord
            {
                Id = Guid.Parse(reader.GetString(0)),
                VmId = Guid.Parse(reader.GetString(1)),
                Kind = Enum.Parse<DriveKind>(reader.GetString(2)),
                ControllerType = Enum.Parse<ControllerType>(reader.GetString(3)),
                ControllerNumber = reader.GetInt32(4),
                ControllerLocation = reader.GetInt32(5),
                Path = reader.IsDBNull(6) ? null : reader.GetString(6),
                Format = reader.GetString(7),
                Owned = reader.GetInt64(8) != 0,
            });
        }

        return result;
    }
}
