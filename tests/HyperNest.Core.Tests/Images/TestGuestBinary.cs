namespace HyperNest.Tests.Images;

/// <summary>A stand-in hypernest binary, so recipe tests do not depend on a published build on the machine.</summary>
internal static class TestGuestBinary
{
    private static readonly Lazy<string> LazyPath = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hypernest-test-binary-{Environment.ProcessId}", "hypernest");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "stand-in hypernest binary");
        return path;
    });

    public static string Path => LazyPath.Value;
}
