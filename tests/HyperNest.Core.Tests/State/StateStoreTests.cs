using HyperNest.Model;
using HyperNest.State;
using Microsoft.Data.Sqlite;

namespace HyperNest.Core.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-state-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static VmRecord NewRecord(string name) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Version = VmConfigurationVersion.Default,
        MemoryStartupBytes = 512L << 20,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void InsertVm_ThenFindByNameAnyCase_ReturnsSameRecord()
    {
        using var store = StateStore.Open(DatabasePath);
        var record = NewRecord("Web1") with { Pid = 42, State = VmState.Running, ExposeVirtualizationExtensions = true, Accelerator = AcceleratorKind.TCG };
        store.Transact(tx => tx.InsertVm(record));

        var found = store.Transact(tx => tx.FindVm("WEB1"));

        Assert.NotNull(found);
        Assert.Equal(record.Id, found.Id);
        Assert.Equal(42, found.Pid);
        Assert.Equal(VmState.Running, found.State);
        Assert.True(found.ExposeVirtualizationExtensions);
        Assert.Equal(AcceleratorKind.TCG, found.Accelerator);
        Assert.Equal(record.CreatedAt, found.CreatedAt);
    }

    [Fact]
    public void ReadInventory_WithNothingChanged_IsTheSameCopy()
    {
        using var store = StateStore.Open(DatabasePath);
        store.Transact(tx => tx.InsertVm(NewRecord("a")));

        var first = store.ReadInventory();

        Assert.Same(first, store.ReadInventory());
    }

    [Fact]
    public void ReadInventory_SeesThisConnectionsOwnChange()
    {
        using var store = StateStore.Open(DatabasePath);
        var record = NewRecord("a");
        store.Transact(tx => tx.InsertVm(record));
        _ = store.ReadInventory();

        store.Transact(tx => tx.UpdateVm(record with { State = VmState.Saved }));

        Assert.Equal(VmState.Saved, Assert.Single(store.ReadInventory().Vms).State);
    }

    [Fact]
    public void ReadInventory_SeesAnotherConnectionsCommit()
    {
        using var store = StateStore.Open(DatabasePath);
        using var other = StateStore.Open(DatabasePath);
        store.Transact(tx => tx.InsertVm(NewRecord("a")));
        _ = store.ReadInventory();

        other.Transact(tx => tx.InsertVm(NewRecord("b")));

        Assert.Equal(["a", "b"], store.ReadInventory().Vms.Select(v => v.Name));
    }

    [Fact]
    public void InsertVm_DuplicateNameDifferentCase_IsRejected()
    {
        using var store = StateStore.Open(DatabasePath);
        store.Transact(tx => tx.InsertVm(NewRecord("web1")));

        Assert.Throws<SqliteException>(() => store.Transact(tx => tx.InsertVm(NewRecord("WEB1"))));
        Assert.Single(store.Transact(tx => tx.ListVms()));
    }

    [Fact]
    public void Transact_WhenWorkThrows_RollsBackEverything()
    {
        using var store = StateStore.Open(DatabasePath);

        Assert.Throws<InvalidOperationException>(() => store.Transact(tx =>
        {
            tx.InsertVm(NewRecord("a"));
            throw new InvalidOperationException("boom");
        }));

        Assert.Empty(store.Transact(tx => tx.ListVms()));
    }

    [Fact]
    public void Open_Twice_AppliesMigrationsOnceAndKeepsData()
    {
        using (var first = StateStore.Open(DatabasePath))
        {
            first.Transact(tx => tx.InsertVm(NewRecord("keep")));
        }

        using var second = StateStore.Open(DatabasePath);
        Assert.Equal("keep", Assert.Single(second.Transact(tx => tx.ListVms())).Name);
    }

    [Fact]
    public void Transact_ManyConcurrentReadModifyWrites_LosesNoUpdate()
    {
        var id = Guid.NewGuid();
        using (var setup = StateStore.Open(DatabasePath))
        {
            setup.Transact(tx => tx.InsertVm(NewRecord("counter") with { Id = id, ProcessorCount = 0 }));
        }

        const int Workers = 4;
        const int Increments = 25;
        Parallel.For(0, Workers, _ =>
        {
            using var store = StateStore.Open(DatabasePath);
            for (var i = 0; i < Increments; i++)
            {
                store.Transact(tx =>
                {
                    var vm = tx.FindVm(id)!;
                    tx.UpdateVm(vm with { ProcessorCount = vm.ProcessorCount + 1 });
                });
            }
        });

        using var check = StateStore.Open(DatabasePath);
        Assert.Equal(Workers * Increments, check.Transact(tx => tx.FindVm(id))!.ProcessorCount);
    }
}
