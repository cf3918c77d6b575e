using System.Runtime.Versioning;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Core.Tests.State;

/// <summary>The store and the home are their owner's alone: no other local user reads VM names, paths or disks.</summary>
[SupportedOSPlatform("linux")]
public sealed class StateFileModeTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly string _directory = Directory.CreateTempSubdirectory("hn-modes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void NewStore_AndItsWriteAheadLog_AreOwnerOnly()
    {
        var path = Path.Combine(_directory, "state.db");
        using var store = StateStore.Open(path);
        store.Transact(tx => tx.InsertVm(new VmRecord { Id = Guid.NewGuid(), Name = "web1", Version = VmConfigurationVersion.Default, MemoryStartupBytes = 512L << 20, CreatedAt = DateTimeOffset.UtcNow }));

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-wal"));
    }

    [Fact]
    public void StoreLeftReadableByAnOlderVersion_IsTightenedOnOpen()
    {
        var path = Path.Combine(_directory, "state.db");
        StateStore.Open(path).Dispose();
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        StateStore.Open(path).Dispose();

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void NewHome_IsOwnerOnly_AndAnOlderHomeIsTightened()
    {
        var paths = new HostPaths(Path.Combine(_directory, "home"), Path.Combine(_directory, "cache"));
        HostFactory.Create(paths).Dispose();
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(paths.Home));

        File.SetUnixFileMode(paths.Home, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        HostFactory.Create(paths).Dispose();
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(paths.Home));
    }

    [Fact]
    public void ExistingDirectoryWithoutAStore_KeepsItsMode_ButTheStoreIsOwnerOnly()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_directory, "shared")).FullName;
        var open = OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(shared, open);
        var paths = new HostPaths(shared, Path.Combine(_directory, "cache"));

        HostFactory.Create(paths).Dispose();

        Assert.Equal(open, File.GetUnixFileMode(shared));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(paths.StateDatabase));
    }
}
