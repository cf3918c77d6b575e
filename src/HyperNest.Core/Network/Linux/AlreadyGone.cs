namespace HyperNest.Network.Linux;

/// <summary>
/// Tells, from a tool's stderr, that a delete failed only because its object was already gone, which
/// the backend's contract does not count as an error (so teardown and re-apply are idempotent).
/// Only consulted for delete commands: the same words from an add mean a real failure.
/// </summary>
public static class AlreadyGone
{
    private static readonly string[] Phrases =
    [
        // ip, any command naming a missing link with "dev X" (iproute2 resolves the name first).
        "Cannot find device",

        // rtnetlink ENODEV, e.g. a link deleted between the name lookup and the request.
        "No such device",

        // Address delete: ENXIO/EADDRNOTAVAIL before iproute2 6.x had extended acks …
        "Cannot assign requested address",

        // … and the kernel's extack since 5.x: "Error: ipv4: Address not found." / "Error: ipv6: address not found."
        "address not found",

        // Route delete: fib_table_delete answers ESRCH.
        "No such process",

        // nft delete table of a missing table: ENOENT ("Error: Could not process rule: No such file or directory").
        "No such file or directory",
    ];

    public static bool IsAlreadyGone(string standardError) =>
        Phrases.Any(phrase => standardError.Contains(phrase, StringComparison.OrdinalIgnoreCase));
}
