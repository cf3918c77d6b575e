using System.Globalization;
using System.Text.Json;
using HyperNest.Platform;

namespace HyperNest.State;

/// <summary>The operations journal (<see cref="OperationRecord"/>).</summary>
public sealed partial class StateTransaction
{
    public void InsertOperation(OperationRecord operation) => Execute(
        "INSERT INTO operations (id, kind, subject, resources, owner_pid, owner_start_ticks, started_at) VALUES ($id, $kind, $subject, $resources, $pid, $ticks, $started);",
        ("$id", operation.Id.ToString("D")),
        ("$kind", operation.Kind.ToString()),
        ("$subject", operation.Subject),
        ("$resources", JsonSerializer.Serialize(operation.Resources)),
        ("$pid", operation.Owner.Pid),
        ("$ticks", operation.Owner.StartTicks),
        ("$started", operation.StartedAt.ToString("O", CultureInfo.InvariantCulture)));

    public void DeleteOperation(Guid id) => Execute("DELETE FROM operations WHERE id = $id;", ("$id", id.ToString("D")));

    /// <summary>Oldest first: recovery undoes and finishes changes in the order they began.</summary>
    public IReadOnlyList<OperationRecord> ListOperations()
    {
        using var command = Command("SELECT id, kind, subject, resources, owner_pid, owner_start_ticks, started_at FROM operations ORDER BY started_at, rowid;");
        using var reader = command.ExecuteReader();
        var operations = new List<OperationRecord>();
        while (reader.Read())
        {
            operations.Add(new OperationRecord(
                Guid.Parse(reader.GetString(0)),
                Enum.Parse<OperationKind>(reader.GetString(1)),
                reader.GetString(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                new ProcessIdentity(reader.GetInt32(4), reader.GetInt64(5)),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }

        return operations;
    }
}
