namespace HyperNest.Network.Dns;

/// <summary>One answer of a DNS response, shaped like Resolve-DnsName's output (Name, Type, TTL, Section, IPAddress).</summary>
public sealed record DnsRecord(string Name, string Type, uint TTL, string Section, string? IPAddress, string? NameHost);

/// <summary>A failed lookup with the response code the server sent (or a timeout); the message is Windows' wording.</summary>
public sealed class DnsQueryException(string message, DnsResponseCode? code = null) : Exception(message)
{
    public DnsResponseCode? ResponseCode { get; } = code;
}

/// <summary>RFC 1035 §4.1.1 RCODE values.</summary>
public enum DnsResponseCode
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}
