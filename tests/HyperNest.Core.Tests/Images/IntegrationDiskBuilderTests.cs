using System.Diagnostics;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

/// <summary>Builds real integration disks with mkfs.ext4 (e2fsprogs, which HyperNest needs for images anyway).</summary>
public sealed class IntegrationDiskBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ImageCache _cache;
    private readonly string _folder;

    public IntegrationDiskBuilderTests()
    {
        _cache = new ImageCache(Path.Combine(_temp.Path, "cache"));
        _folder = PublishedFolder.Create(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_NewFolder_MakesAJournallessExt4WithTheFolderInside()
    {
        var disk = new IntegrationDiskBuilder(_cache).Build(_folder, CancellationToken.None);

        var key = IntegrationDiskKey.Compute(_folder);
        Assert.Equal(Path.Combine(_cache.GetImageDirectory("hypernest-tools", key), "tools.img"), disk);
        Assert.Contains("echo stand-in hypernest", Run("debugfs", "-R", "cat /hypernest", disk), StringComparison.Ordinal);
        Assert.Contains("@{ ModuleVersion = '0.1' }", Run("debugfs", "-R", "cat /HyperNest.psd1", disk), StringComparison.Ordinal);
        var superblock = Run("dumpe2fs", "-h", disk);
        Assert.Matches(@"Filesystem volume name:\s+hypernest-tools\n", superblock);
        Assert.DoesNotContain("has_journal", superblock, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameFolderAgain_ReusesTheDisk()
    {
        var builder = new IntegrationDiskBuilder(_cache);
        var first = builder.Build(_folder, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(first);

        var second = builder.Build(_folder, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public void Build_FolderChanged_MakesANewDiskAndPrunesTheUnusedOne()
    {
        var builder = new IntegrationDiskBuilder(_cache);
        var first = builder.Build(_folder, CancellationToken.None);

        File.WriteAllText(Path.Combine(_folder, "hypernest.dll"), "rebuilt entry assembly");
        var second = builder.Build(_folder, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.True(File.Exists(second));
        Assert.False(Directory.Exists(Path.GetDirectoryName(first)));
        Assert.Equal([Path.GetDirectoryName(second)!], _cache.FindBuilds("hypernest-tools"));
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
