using System.Text.Json;
using System.Text.Json.Serialization;
using HyperNest.Hosting;

namespace HyperNest.Api;

/// <summary>
/// One line of a streamed answer (application/x-ndjson): a warning or a progress report while the call
/// runs, then its value or its error. Exactly one property is set.
/// </summary>
public sealed record ApiFrame
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProgressUpdate? Progress { get; init; }

    /// <summary>Set (possibly to JSON null, for calls that return nothing) on the last line of a call that succeeded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Value { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApiError? Error { get; init; }

    public bool IsFinal => Error is not null || Value.ValueKind != JsonValueKind.Undefined;
}
