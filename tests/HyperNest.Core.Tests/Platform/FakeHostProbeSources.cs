using HyperNest.Platform;

namespace HyperNest.Core.Tests.Platform;

internal sealed class FakeHostProbeSources : IHostProbeSources
{
    public Dictionary<string, string> Files { get; } = [];

    /// <summary>Paths that exist; a null error means they also open read-write.</summary>
    public Dictionary<string, string?> Devices { get; } = [];

    public string? ReadText(string path) => Files.GetValueOrDefault(path);

    public bool Exists(string path) => Files.ContainsKey(path) || Devices.ContainsKey(path);

    public bool TryOpenReadWrite(string path, out string? error)
    {
        if (!Devices.TryGetValue(path, out error))
        {
            error = "No such file or directory";
            return false;
        }

        return error is null;
    }
}
