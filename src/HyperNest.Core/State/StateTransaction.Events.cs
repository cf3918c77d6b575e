using System.Globalization;
using HyperNest.Model;

namespace HyperNest.State;

/// <summary>The VMs' event log (<see cref="VmEvent"/>).</summary>
public sealed partial class StateTransaction
{
    /// <summary>Events kept per VM; older ones go as new ones come (Hyper-V's logs wrap the same way, by size).</summary>
    public const int EventsKeptPerVm = 500;

    public void InsertVmEvent(VmEvent entry)
    {
        Execute(
            "INSERT INTO vm_events (vm_id, vm_name, time_created, level, message) VALUES ($vm, $name, $time, $level, $message);",
            ("$vm", entry.VMId.ToString("D")),
            ("$name", entry.VMName),
            ("$time", entry.TimeCreated.ToString("O", CultureInfo.InvariantCulture)),
            ("$level", entry.Level.ToString()),
            ("$message", entry.Message));
        Execute(
            "DELETE FROM vm_events WHERE vm_id = $vm AND id <= (SELECT id FROM vm_events WHERE vm_id = $vm ORDER BY id DESC LIMIT 1 OFFSET $kept);",
            ("$vm", entry.VMId.ToString("D")),
            ("$kept", EventsKeptPerVm));
    }

    /// <summary>The newest <paramref name="newest"/> events, newest first (as Get-WinEvent lists them); of one VM, or of all.</summary>
    public IReadOnlyList<VmEvent> ListVmEvents(Guid? vmId, int newest)
    {
        using var command = Command(
            "SELECT id, vm_id, vm_name, time_created, level, message FROM vm_events " +
            (vmId is null ? "" : "WHERE vm_id = $vm ") + "ORDER BY id DESC LIMIT $newest;");
        if (vmId is { } id)
        {
            command.Parameters.AddWithValue("$vm", id.ToString("D"));
        }

        command.Parameters.AddWithValue("$newest", newest);
        using var reader = command.ExecuteReader();
        var events = new List<VmEvent>();
        while (reader.Read())
        {
            events.Add(new VmEvent
            {
                RecordId = reader.GetInt64(0),
                VMId = Guid.Parse(reader.GetString(1)),
                VMName = reader.GetString(2),
                TimeCreated = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                Level = Enum.Parse<VmEventLevel>(reader.GetString(4)),
                Message = reader.GetString(5),
            });
        }

        return events;
    }
}
