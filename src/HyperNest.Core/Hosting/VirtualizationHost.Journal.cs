using HyperNest.Platform;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// The operations journal's writing side: a change that makes or removes files and links in several
/// steps says so in the store before its first step, and takes it back when it ends, whether it worked or
/// failed (a failure undoes itself through <see cref="Revert"/>). Only a change whose process was killed
/// leaves its entry, for <see cref="RecoverInterruptedOperations"/>.
/// </summary>
public sealed partial class VirtualizationHost
{
    /// <summary>The process whose changes this host journals; a test stands in a process that is gone.</summary>
    internal ProcessIdentity Owner { get; init; } = ProcessIdentity.Current;

    /// <summary>Declare it before the change's <see cref="Revert"/>, so the undo runs before the entry goes.</summary>
    private JournalEntry BeginOperation(OperationKind kind, Guid subject, IEnumerable<string> resources) =>
        BeginOperation(kind, subject.ToString("D"), resources);

    private JournalEntry BeginOperation(OperationKind kind, string subject, IEnumerable<string> resources)
    {
        var operation = new OperationRecord(Guid.NewGuid(), kind, subject, resources.ToList(), Owner, _clock.GetUtcNow());
        _store.Transact(tx => tx.InsertOperation(operation));
        return new JournalEntry(_store, operation.Id);
    }

    private sealed class JournalEntry(StateStore store, Guid id) : IDisposable
    {
        public void Dispose() => store.Transact(tx => tx.DeleteOperation(id));
    }
}
