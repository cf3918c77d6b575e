namespace HyperNest.PowerShell.Cmdlets.Network.Netsh;

/// <summary>
/// Parses the DNS subset of netsh's grammar. As in Windows, keywords are case-insensitive and may be
/// shortened to a unique prefix ("int ip add dns"), and each argument may be tagged ("address=10.0.0.53")
/// or given by position in the command's documented order.
/// </summary>
public static class NetshParser
{
    public const string Supported =
        "HyperNest's netsh supports only the DNS client commands:\n" +
        "  netsh interface ip add dnsserver [name=]\"<adapter>\" [address=]<ip> [[index=]<n>]\n" +
        "  netsh interface ip delete dnsserver [name=]\"<adapter>\" [address=]<ip>|all\n" +
        "  netsh interface ip set dnsservers [name=]\"<adapter>\" [source=]static|dhcp [[address=]<ip>|none]\n" +
        "  netsh interface ip show dnsservers [[name=]\"<adapter>\"]\n" +
        "('ipv4' may stand for 'ip'.) Set-DnsClientServerAddress, New-NetIPAddress and New-NetNat cover the rest.";

    // Windows' positional order of each verb's tags (netsh interface ipv4 <verb> dnsservers /?).
    private static readonly Dictionary<NetshVerb, string[]> TagOrder = new()
    {
        [NetshVerb.Add] = ["name", "address", "index", "validate"],
        [NetshVerb.Delete] = ["name", "address", "validate"],
        [NetshVerb.Set] = ["name", "source", "address", "register", "validate"],
        [NetshVerb.Show] = ["name"],
    };

    public static NetshRequest Parse(IReadOnlyList<string> arguments)
    {
        if (Placeholder(arguments) is { } placeholder)
        {
            throw new NetshSyntaxException(
                $"netsh: '{placeholder}' is a placeholder from the documentation, not a value: replace it, brackets included, with the value it stands for (e.g. address=10.0.0.53).",
                "NetshPlaceholder");
        }

        if (arguments.Count < 4
            || !IsKeyword(arguments[0], "interface", 3)
            || !(IsKeyword(arguments[1], "ipv4", 4) || string.Equals(arguments[1], "ip", StringComparison.OrdinalIgnoreCase))
            || ParseVerb(arguments[2]) is not { } verb
            || !IsKeyword(arguments[3], "dnsservers", 3))
        {
            throw Unsupported(arguments);
        }

        var order = TagOrder[verb];
        var tagged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var next = 0;
        foreach (var argument in arguments.Skip(4))
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            string tag;
            string value;
            if (equals > 0)
            {
                var given = argument[..equals];
                tag = order.FirstOrDefault(t => IsKeyword(given, t, 1))
                    ?? throw new NetshSyntaxException($"netsh: '{given}' is not a valid tag here; use {string.Join(", ", order.Select(t => t + "="))}.\n{Supported}");
                value = argument[(equals + 1)..];
            }
            else
            {
                while (next < order.Length && tagged.ContainsKey(order[next]))
                {
                    next++;
                }

                if (next >= order.Length)
                {
                    throw new NetshSyntaxException($"netsh: unexpected argument '{argument}'.\n{Supported}");
                }

                tag = order[next];
                value = argument;
            }

            if (!tagged.TryAdd(tag, value))
            {
                throw new NetshSyntaxException($"netsh: '{tag}' is given more than once.");
            }
        }

        return new NetshRequest(verb, tagged);
    }

    /// <summary>
    /// A documentation placeholder such as "address=&lt;my DNS server&gt;": PowerShell passes its words as
    /// separate arguments ("address=&lt;my", "DNS", "server&gt;"), so they are joined back to name it.
    /// </summary>
    private static string? Placeholder(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var open = arguments[i].IndexOf('<', StringComparison.Ordinal);
            if (open < 0)
            {
                continue;
            }

            var words = new List<string> { arguments[i][open..] };
            var next = i + 1;
            while (!words[^1].Contains('>', StringComparison.Ordinal) && next < arguments.Count)
            {
                words.Add(arguments[next++]);
            }

            return string.Join(' ', words);
        }

        return null;
    }

    private static NetshVerb? ParseVerb(string word) =>
        IsKeyword(word, "add", 3) ? NetshVerb.Add
        : IsKeyword(word, "delete", 3) ? NetshVerb.Delete
        : IsKeyword(word, "set", 3) ? NetshVerb.Set
        : IsKeyword(word, "show", 2) ? NetshVerb.Show
        : null;

    /// <summary>True when <paramref name="word"/> is <paramref name="keyword"/> or a prefix of it at least <paramref name="minimum"/> long.</summary>
    private static bool IsKeyword(string word, string keyword, int minimum) =>
        word.Length >= Math.Min(minimum, keyword.Length) && keyword.StartsWith(word, StringComparison.OrdinalIgnoreCase);

    private static NetshSyntaxException Unsupported(IReadOnlyList<string> arguments) =>
        new(arguments.Count == 0
            ? $"netsh: no command given.\n{Supported}"
            : $"netsh: '{string.Join(' ', arguments)}' is not supported.\n{Supported}");
}
