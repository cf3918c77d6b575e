namespace HyperNest.Platform;

/// <summary>What <see cref="AcceleratorProbe"/> reads from the host; tests inject their own.</summary>
public interface IHostProbeSources
{
    /// <summary>The text of a file, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);

    bool Exists(string path);

    /// <summary>Opens and closes the file read-write; on failure returns false and the reason.</summary>
    bool TryOpenReadWrite(string path, out string? error);
}
