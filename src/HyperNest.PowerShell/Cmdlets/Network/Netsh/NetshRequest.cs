namespace HyperNest.PowerShell.Cmdlets.Network.Netsh;

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
public sealed class NetshSyntaxException(string message, string errorId = "NetshCommandNotSupported") : Exception(message)
{
    /// <summary>The error id of the record Invoke-Netsh writes.</summary>
    public string ErrorId { get; } = errorId;
}
