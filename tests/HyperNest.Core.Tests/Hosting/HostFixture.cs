using HyperNest.Hosting;
using HyperNest.Platform;
using HyperNest.State;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>A VirtualizationHost over a temp state directory and fake backend, image store and disk tool.</summary>
internal sealed class HostFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-host-").FullName;

    public HostFixture()
    {
        Paths = new HostPaths(Path.Combine(_directory, "home"), Path.Combine(_directory, "cache"));
        Images = new FakeImageStore(_directory);
        Host = CreateHost();
    }

    /// <summary>
    /// Another host API over the same state and fakes (a service runs one per call in flight); with
    /// <paramref name="owner"/>, its journal entries name that process; with <paramref name="answerFromLiveSamples"/>,
    /// it answers as hypernestd's hosts do.
    /// </summary>
    public VirtualizationHost CreateHost(ProcessIdentity? owner = null, bool answerFromLiveSamples = false) =>
        new(Paths, StateStore.Open(Paths.StateDatabase), Backend, Images, Disks, Network, Clock)
        {
            Owner = owner ?? ProcessIdentity.Current,
            AnswerFromLiveSamples = answerFromLiveSamples,
        };

    public FakeDiskTool Disks { get; } = new();

    /// <summary>The operations journal as stored now.</summary>
    public IReadOnlyList<OperationRecord> Journal()
    {
        using var store = StateStore.Open(Paths.StateDatabase);
        return store.Transact(tx => tx.ListOperations());
    }

    public HostPaths Paths { get; }

    public FakeVmBackend Backend { get; } = new();

    /// <summary>The host's clock: the real time, moved forward by what a test adds to <see cref="ShiftedClock.Offset"/>.</summary>
    public ShiftedClock Clock { get; } = new();

    public FakeNetworkBackend Network { get; } = new();

    public FakeImageStore Images { get; }

    public VirtualizationHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The system clock plus an offset a test moves, so waits bounded by the clock end at once.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
