namespace HyperNest.Shell.Commands.Network.Netsh;

public enum NetshVerb
{
    Add,
    Delete,
    Set,
    Show,
}

/// <summary>One parsed "netsh interface ip(v4) &lt;verb&gt; dnsservers …" line: the verb and its tagged arguments.</summary>
public sealed record NetshRequest(NetshVerb Verb, IReadOnlyDictionary<string, string> Arguments)
{
    public string? this[string tag] => Arguments.TryGetValue(tag, out var value) ? value : null;
}

/// <summary>A netsh line HyperNest does not understand; the message says what it supports.</summary>
public sealed class NetshSyntaxException(string message) : Exception(message);
