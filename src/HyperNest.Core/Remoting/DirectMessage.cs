using System.Globalization;

namespace HyperNest.Remoting;

/// <summary>What a line of the PowerShell Direct channel says (see <see cref="DirectMessage"/>).</summary>
public enum DirectVerb
{
    /// <summary>host → guest, first on every connection: end the sessions of any earlier connection.</summary>
    Hello,

    /// <summary>guest → host: the endpoint answers hello; sessions may be opened.</summary>
    Ready,

    /// <summary>host → guest: start session N (a PowerShell server in the guest).</summary>
    Open,

    /// <summary>both ways: one line of PowerShell's remoting protocol (PSRP, out-of-process form) for session N.</summary>
    Data,

    /// <summary>both ways: session N has ended (its server exited, or the host closed it).</summary>
    Close,
}

/// <summary>
/// One line of the PowerShell Direct channel, the single byte stream of a VM's virtio-serial port
/// (<see cref="Images.GuestContract.PowerShellDirectPortName"/>) that carries every session into that VM:
/// <c>hello</c>, <c>ready</c>, <c>open N</c>, <c>data N &lt;PSRP line&gt;</c>, <c>close N</c>, each ending in '\n'.
/// PSRP's out-of-process messages are themselves one XML line each, so a session's stream maps onto lines
/// with no escaping; anything that does not parse is dropped by the reader without touching other sessions.
/// </summary>
public readonly record struct DirectMessage(DirectVerb Verb, int Channel, string Payload)
{
    /// <summary>
    /// A PSRP line is one fragment (at most 32 KB of data, base64 in XML); a line longer than this is a
    /// misbehaving peer, and only its session is ended.
    /// </summary>
    public const int MaxLineBytes = 1024 * 1024;

    public static DirectMessage Hello { get; } = new(DirectVerb.Hello, 0, "");

    public static DirectMessage Ready { get; } = new(DirectVerb.Ready, 0, "");

    public static DirectMessage Open(int channel) => new(DirectVerb.Open, channel, "");

    public static DirectMessage Data(int channel, string line) => new(DirectVerb.Data, channel, line);

    public static DirectMessage Close(int channel) => new(DirectVerb.Close, channel, "");

    /// <summary>The line without its '\n'.</summary>
    public override string ToString() => Verb switch
    {
        DirectVerb.Hello => "hello",
        DirectVerb.Ready => "ready",
        DirectVerb.Open => $"open {Channel.ToString(CultureInfo.InvariantCulture)}",
        DirectVerb.Data => $"data {Channel.ToString(CultureInfo.InvariantCulture)} {Payload}",
        _ => $"close {Channel.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>Reads a line; false for anything that is not one of the five forms.</summary>
    public static bool TryParse(string line, out DirectMessage message)
    {
        message = default;
        switch (line)
        {
            case "hello":
                message = Hello;
                return true;
            case "ready":
                message = Ready;
                return true;
        }

        var verbEnd = line.IndexOf(' ');
        if (verbEnd < 0)
        {
            return false;
        }

        var rest = line.AsSpan(verbEnd + 1);
        var channelEnd = rest.IndexOf(' ');
        var channelText = channelEnd < 0 ? rest : rest[..channelEnd];
        if (!int.TryParse(channelText, NumberStyles.None, CultureInfo.InvariantCulture, out var channel) || channel <= 0)
        {
            return false;
        }

        var payload = channelEnd < 0 ? null : rest[(channelEnd + 1)..].ToString();
        switch (line[..verbEnd])
        {
            case "open" when payload is null:
                message = Open(channel);
                return true;
            case "close" when payload is null:
                message = Close(channel);
                return true;
            case "data" when payload is not null:
                message = Data(channel, payload);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The session an over-long line was for, read from its head; null when the head names none.</summary>
    public static int? ChannelOf(string head) =>
        TryParse(head.Split(' ', 3) is [var verb, var channel, ..] ? $"{verb} {channel} " : "", out var message) && message.Verb == DirectVerb.Data
            ? message.Channel
            : null;
}
