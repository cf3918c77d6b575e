using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperNest.Api;

/// <summary>
/// How hypernestd's API writes and reads its objects: the host API's own records with their Hyper-V
/// property names (PascalCase, as Get-VM shows them), enums as their names, one JSON document per line.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new BootSourceJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
