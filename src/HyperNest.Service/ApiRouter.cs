using HyperNest.Api;
using HyperNest.Hosting;

namespace HyperNest.Service;

/// <summary>A call the host API answers: what it returns (null for nothing) is the call's value.</summary>
internal delegate object? HostCall(IVirtualizationHost host, ApiRequest request);

/// <summary>
/// The API's routes, matched on the raw request target one escaped segment at a time, so a name holding
/// '/' (sent as %2F) is one segment (the framework's router would keep %2F undecoded in the name).
/// </summary>
internal sealed class ApiRouter
{
    private readonly List<Route> _routes = [];

    /// <summary>Every route, for docs/api.md's check that each one is documented.</summary>
    public IEnumerable<(string Method, string Template)> Routes => _routes.Select(r => (r.Method, r.Template));

    public ApiRouter Map(string method, string template, HostCall call)
    {
        _routes.Add(new Route(method, template, SplitTemplate(template), call, Channel: null));
        return this;
    }

    /// <summary>A route whose answer is a raw two-way channel (HTTP Upgrade) the handler serves.</summary>
    public ApiRouter MapChannel(string template, ChannelCall channel)
    {
        _routes.Add(new Route("GET", template, SplitTemplate(template), Call: null, channel));
        return this;
    }

    public RouteMatch Match(string method, string rawPath)
    {
        // Only the leading slash goes: a trailing empty segment is an empty name (Remove-NetNat with no -Name), not nothing.
        var segments = (rawPath.StartsWith('/') ? rawPath[1..] : rawPath).Split('/').Select(Uri.UnescapeDataString).ToArray();
        var pathMatched = false;
        foreach (var route in _routes)
        {
            if (route.TryBind(segments) is not { } values)
            {
                continue;
            }

            pathMatched = true;
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route.Call, route.Channel, values, null);
            }
        }

        var error = pathMatched
            ? new ApiError($"{method} is not a method of '{rawPath}'. docs/api.md lists each path's methods.", ErrorCategory.InvalidOperation, "ApiMethodNotAllowed", rawPath)
            : new ApiError($"'{rawPath}' is not a path of the HyperNest API {ServiceEndpoint.Version}. docs/api.md lists them; a client of another HyperNest version may use other paths.", ErrorCategory.ObjectNotFound, "ApiPathNotFound", rawPath);
        return new RouteMatch(null, null, new Dictionary<string, string>(), error);
    }

    private static string[] SplitTemplate(string template) => template.Trim('/').Split('/');

    private sealed record Route(string Method, string Template, string[] Parts, HostCall? Call, ChannelCall? Channel)
    {
        public Dictionary<string, string>? TryBind(string[] segments)
        {
            if (segments.Length != Parts.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Parts.Length; i++)
            {
                var part = Parts[i];
                if (part.StartsWith('{'))
                {
                    values[part[1..^1]] = segments[i];
                }
                else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return values;
        }
    }
}

internal sealed record RouteMatch(HostCall? Call, ChannelCall? Channel, IReadOnlyDictionary<string, string> Values, ApiError? Error);
