using HyperNest.Hosting;
using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QemuWorkerCandidatesTests : IDisposable
{
    private readonly TestTempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void OnlyRuntimeDirectoriesWithAPidFile_AreCandidates()
    {
        var paths = new HostPaths(_home.Path, _home.File("cache"));
        var withPid = Guid.NewGuid();
        var withoutPid = Guid.NewGuid();
        var runtime = QemuRuntimePaths.ForVm(paths.RuntimeRoot, withPid);
        Directory.CreateDirectory(runtime.Directory);
        File.WriteAllText(runtime.PidFile, "12345\n");
        Directory.CreateDirectory(paths.RuntimeDirectory(withoutPid));
        Directory.CreateDirectory(Path.Combine(paths.RuntimeRoot, "not-a-vm"));
        File.WriteAllText(Path.Combine(paths.RuntimeRoot, $"{Guid.NewGuid():D}.lock"), "");

        var candidates = new QemuVmBackend(paths).WorkerCandidates();

        Assert.Equal([withPid], candidates);
    }

    [Fact]
    public void BeforeAnyVmRan_ThereAreNone()
    {
        var paths = new HostPaths(_home.Path, _home.File("cache"));

        Assert.Empty(new QemuVmBackend(paths).WorkerCandidates());
    }
}
