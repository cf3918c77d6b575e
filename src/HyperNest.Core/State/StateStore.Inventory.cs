namespace HyperNest.State;

/// <summary>Every VM with its adapters, drives and integration-service choices, and the switches: what a listing of all VMs reads.</summary>
public sealed record StoreInventory(
    IReadOnlyList<VmRecord> Vms,
    IReadOnlyList<NetworkAdapterRecord> Adapters,
    IReadOnlyList<SwitchRecord> Switches,
    IReadOnlyList<DriveRecord> Drives,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, bool>> IntegrationServiceChoices);

public sealed partial class StateStore
{
    private (long DataVersion, long TotalChanges, StoreInventory Inventory)? _inventory;

    /// <summary>
    /// The whole inventory, read again only when the database changed since this connection last read it.
    /// With 1000 VMs the read is most of GET /v1/vms (33 columns a VM), and between two listings nothing
    /// usually changed. SQLite says when something did: PRAGMA data_version moves when another connection
    /// (another pooled host, another process) committed, total_changes() when this one wrote. Both are read
    /// in the same transaction as the inventory, so a cached copy is never older than what it is keyed by.
    /// The records are immutable, so callers share them.
    /// </summary>
    public StoreInventory ReadInventory() => Transact(tx =>
    {
        var (dataVersion, totalChanges) = tx.ChangeCounters();
        if (_inventory is { } cached && cached.DataVersion == dataVersion && cached.TotalChanges == totalChanges)
        {
            return cached.Inventory;
        }

        var inventory = new StoreInventory(tx.ListVms(), tx.ListAdapters(), tx.ListSwitches(), tx.ListDrives(), tx.ListIntegrationServiceChoices());
        _inventory = (dataVersion, totalChanges, inventory);
        return inventory;
    });
}
