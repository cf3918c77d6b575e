using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

internal sealed class FakeImageStore(string directory) : IImageStore
{
    private bool _built;

    public int Builds { get; private set; }

    private VmImage Image => new()
    {
        Name = "tiny",
        RecipeHash = "0123456789ab",
        Built = _built,
        DiskPath = Path.Combine(directory, "tiny.qcow2"),
        KernelPath = Path.Combine(directory, "vmlinuz"),
        InitrdPath = Path.Combine(directory, "initrd.img"),
        KernelCommandLine = "console=ttyS0",
    };

    public IReadOnlyList<VmImage> List() => [Image];

    public bool IsKnown(string name) => name == "tiny";

    public VmImage? FindBuilt(string name) => name == "tiny" && _built ? Image : null;

    /// <summary>What PrepareIntegrationDisk hands out; null plays a host without HyperNest installed.</summary>
    public IntegrationDisk? IntegrationDisk { get; set; } = new(Path.Combine(directory, "tools.img"), IsBlockDevice: false);

    public const string NoIntegrationDiskWarning = "fake: no HyperNest installed";

    public IntegrationDisk? PrepareIntegrationDisk(Action<string> warn, CancellationToken cancellationToken)
    {
        if (IntegrationDisk is null)
        {
            warn(NoIntegrationDiskWarning);
        }

        return IntegrationDisk;
    }

    public VmImage Build(string name, bool force, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        Builds++;
        _built = true;
        progress?.Report(new ProgressUpdate("Building image tiny", "done", 100));
        return Image;
    }

    /// <summary>VM folders outside the home that New-VM -Path registered for pruning.</summary>
    public List<string> RegisteredVmFolders { get; } = [];

    public void RegisterVmFolder(string folder) => RegisteredVmFolders.Add(folder);
}
