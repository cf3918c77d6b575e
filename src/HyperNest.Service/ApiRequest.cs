using System.Text.Json;
using HyperNest.Api;
using HyperNest.Hosting;

namespace HyperNest.Service;

/// <summary>What a route's handler reads: the path's named segments (unescaped), the query, the JSON body.</summary>
internal sealed class ApiRequest
{
    private readonly IReadOnlyDictionary<string, string> _segments;
    private readonly IReadOnlyDictionary<string, string> _query;
    private readonly JsonElement _body;

    public ApiRequest(IReadOnlyDictionary<string, string> segments, IReadOnlyDictionary<string, string> query, JsonElement body, IProgress<ProgressUpdate> progress, CancellationToken aborted)
    {
        _segments = segments;
        _query = query;
        _body = body;
        Progress = progress;
        Aborted = aborted;
    }

    public IProgress<ProgressUpdate> Progress { get; }

    /// <summary>Cancelled when the client goes away (Ctrl+C in its shell closes the connection).</summary>
    public CancellationToken Aborted { get; }

    public string this[string segment] => _segments[segment];

    public Guid Id(string segment) => Guid.TryParse(_segments[segment], out var id)
        ? id
        : throw new HostException($"'{_segments[segment]}' in the path is not an id (a GUID).", ErrorCategory.InvalidArgument, "ApiIdInvalid", _segments[segment]);

    public string? Query(string name) => _query.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Query(name) is { } value && (value.Length == 0 || bool.TryParse(value, out var on) && on);

    public int QueryInt(string name, int fallback) => Query(name) is { } value
        ? int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new HostException($"The query parameter '{name}' is '{value}', not a whole number.", ErrorCategory.InvalidArgument, "ApiQueryInvalid", name)
        : fallback;

    public T Body<T>()
    {
        if (_body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new HostException($"This call needs a JSON body ({typeof(T).Name}); see docs/api.md.", ErrorCategory.InvalidArgument, "ApiBodyMissing");
        }

        try
        {
            return _body.Deserialize<T>(ApiJson.Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new HostException($"The JSON body is not a {typeof(T).Name}: {ex.Message}", ErrorCategory.InvalidArgument, "ApiBodyInvalid", null, ex);
        }
    }
}
