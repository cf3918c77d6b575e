namespace HyperNest.Core.Tests.Qemu;

/// <summary>A short temp directory (unix socket paths must stay under 108 bytes), removed on dispose.</summary>
internal sealed class TestTempDirectory : IDisposable
{
    public TestTempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("hn-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
