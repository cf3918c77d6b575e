using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class IntegrationDiskKeyTests
{
    private static readonly DateTime Installed = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Compute_UnchangedFolder_SameKey()
    {
        using var temp = new TempDirectory();
        var folder = PublishedFolder.Create(temp.Path);

        Assert.Equal(IntegrationDiskKey.Compute(folder), IntegrationDiskKey.Compute(folder));
        Assert.Matches("^[0-9a-f]{64}$", IntegrationDiskKey.Compute(folder));
    }

    [Fact]
    public void Compute_FileRewrittenWithSameSize_KeyChanges()
    {
        using var temp = new TempDirectory();
        var folder = PublishedFolder.Create(temp.Path);
        var assembly = Path.Combine(folder, "hypernest.dll");
        File.SetLastWriteTimeUtc(assembly, Installed);
        var before = IntegrationDiskKey.Compute(folder);

        File.WriteAllText(assembly, "entry assemblx");
        File.SetLastWriteTimeUtc(assembly, Installed.AddSeconds(1));

        Assert.NotEqual(before, IntegrationDiskKey.Compute(folder));
    }

    [Fact]
    public void Compute_FileInSubfolderGrows_KeyChanges()
    {
        using var temp = new TempDirectory();
        var folder = PublishedFolder.Create(temp.Path);
        var reference = Path.Combine(folder, "ref", "System.Runtime.dll");
        File.SetLastWriteTimeUtc(reference, Installed);
        var before = IntegrationDiskKey.Compute(folder);

        File.WriteAllText(reference, "a longer reference assembly");
        File.SetLastWriteTimeUtc(reference, Installed);

        Assert.NotEqual(before, IntegrationDiskKey.Compute(folder));
    }

    [Fact]
    public void Compute_FileAdded_KeyChanges()
    {
        using var temp = new TempDirectory();
        var folder = PublishedFolder.Create(temp.Path);
        var before = IntegrationDiskKey.Compute(folder);

        File.WriteAllText(Path.Combine(folder, "HyperNest.format.ps1xml"), "<Configuration />");

        Assert.NotEqual(before, IntegrationDiskKey.Compute(folder));
    }

    [Fact]
    public void Compute_SameFilesInAnotherFolder_SameKey()
    {
        using var temp = new TempDirectory();
        var here = PublishedFolder.Create(temp.Path, "a");
        var there = PublishedFolder.Create(temp.Path, "b");
        foreach (var file in new[] { here, there }.SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
        {
            File.SetLastWriteTimeUtc(file, Installed);
        }

        Assert.Equal(IntegrationDiskKey.Compute(here), IntegrationDiskKey.Compute(there));
    }
}
