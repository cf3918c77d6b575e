using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperNest.Images;

/// <summary>image.json: what was built, from which recipe, and how to boot it.</summary>
public sealed record ImageManifest
{
    public required string Name { get; init; }

    public required string RecipeHash { get; init; }

    public string Description { get; init; } = "";

    public required string KernelCommandLine { get; init; }

    /// <summary>The guest kernel release (uname -r), the name of its /lib/modules directory.</summary>
    public required string KernelRelease { get; init; }

    public required DateTimeOffset BuiltTime { get; init; }

    public double BuildSeconds { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>The manifest at <paramref name="path"/>, or null when it is missing or unreadable.</summary>
    public static ImageManifest? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ImageManifest>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
