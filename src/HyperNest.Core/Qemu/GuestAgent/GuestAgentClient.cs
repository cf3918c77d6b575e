using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Qemu.GuestAgent;

/// <summary>
/// The QEMU guest agent, reached through the virtio-serial port QEMU exposes as a unix socket. Unlike
/// QMP there is no greeting and no events, and the channel outlives both ends: the guest may have
/// answered a request of a previous connection, or an agent restart may have left half a command in its
/// parser. So every connection (and every command after a timeout) first resynchronises with
/// guest-sync-delimited. Commands are strictly one at a time. Typed commands: GuestAgentClient.Commands.cs.
/// </summary>
public sealed partial class GuestAgentClient : IAsyncDisposable
{
    /// <summary>qemu-ga discards input up to this byte and prefixes its guest-sync-delimited answer with it (0xFF is never valid UTF-8).</summary>
    private const byte SyncDelimiter = 0xFF;

    private readonly JsonLineStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _synchronized;

    private GuestAgentClient(JsonLineStream stream)
    {
        _stream = stream;
    }

    /// <summary>How long one command may take, unless the caller's token ends it first.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connects to the guest agent socket. Connecting succeeds even when no agent runs in the guest: QEMU owns the socket.</summary>
    public static async Task<GuestAgentClient> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return new GuestAgentClient(await JsonLineStream.ConnectAsync(socketPath, deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"guest agent socket {socketPath} could not be connected within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Sends one command and returns its "return" value. Throws <see cref="QmpException"/> for an error answer, <see cref="TimeoutException"/> when the guest does not answer.</summary>
    public async Task<JsonNode?> ExecuteAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WithTimeoutAsync(command, async token =>
            {
                if (!_synchronized)
                {
                    await SynchronizeAsync(token).ConfigureAwait(false);
                }

                await SendAsync(command, arguments, token).ConfigureAwait(false);
                var response = await ReadResponseAsync(command, token).ConfigureAwait(false);
                return ResultOf(command, response);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            // An over-long line: this connection is spent, and only this call fails.
            throw Malformed(command, e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a command the agent never answers (guest-shutdown: the guest goes down instead).</summary>
    public async Task SendWithoutReplyAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WithTimeoutAsync(command, async token =>
            {
                if (!_synchronized)
                {
                    await SynchronizeAsync(token).ConfigureAwait(false);
                }

                await SendAsync(command, arguments, token).ConfigureAwait(false);

                // An error (e.g. the command is disabled) would still be answered; not waiting for one
                // leaves its line unread, so the next command must resynchronise first.
                _synchronized = false;
                return (JsonNode?)null;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<JsonNode?> WithTimeoutAsync(string command, Func<CancellationToken, Task<JsonNode?>> action, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CommandTimeout);
        try
        {
            return await action(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _synchronized = false;
            throw new TimeoutException($"the guest agent did not answer {command} within {CommandTimeout.TotalSeconds:0.#} s (is qemu-guest-agent running in the guest?)");
        }
        catch
        {
            _synchronized = false;
            throw;
        }
    }

    private async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var id = RandomNumberGenerator.GetInt32(1, int.MaxValue);

        // The lone 0xFF makes the agent drop any partial command it holds (qemu-ga's json parser resets on it).
        await _stream.WriteAsync(new[] { SyncDelimiter }, cancellationToken).ConfigureAwait(false);
        await SendAsync("guest-sync-delimited", new JsonObject { ["id"] = id }, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var line = await _stream.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new QmpConnectionClosedException("the guest agent socket closed during guest-sync-delimited");

            // Everything before the delimiter is a stale answer to someone else's request.
            var delimiter = Array.LastIndexOf(line, SyncDelimiter);
            if (delimiter < 0)
            {
                continue;
            }

            var answer = TryParse(line.AsSpan(delimiter + 1));
            if (answer?["return"] is JsonValue value && value.TryGetValue<long>(out var echoed) && echoed == id)
            {
                _synchronized = true;
                return;
            }
        }
    }

    private async Task SendAsync(string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["execute"] = command };
        if (arguments is not null)
        {
            request["arguments"] = arguments;
        }

        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ReadResponseAsync(string command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await _stream.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new QmpConnectionClosedException($"the guest agent socket closed before answering {command}");
            var delimiter = Array.LastIndexOf(line, SyncDelimiter);
            var response = TryParse(delimiter < 0 ? line : line.AsSpan(delimiter + 1));
            if (response is not null && (response.ContainsKey("return") || response.ContainsKey("error")))
            {
                return response;
            }
        }
    }

    private static JsonNode? ResultOf(string command, JsonObject response)
    {
        if (response.ContainsKey("error"))
        {
            var error = response["error"] as JsonObject;
            throw new QmpException(command, Text(error?["class"]) ?? "unknown", Text(error?["desc"]) ?? "");
        }

        return response["return"];
    }

    /// <summary>A string member as text, whatever JSON the guest put there (a number, an object); null when absent.</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    /// <summary>
    /// Runs a command and reads its "return" value with <paramref name="read"/>. The guest's agent is the
    /// guest's: its replies are untrusted. A reply of the wrong shape becomes a <see cref="QmpException"/>,
    /// which fails only this command for this VM, as an error answer would.
    /// </summary>
    private async Task<T> ExecuteAsync<T>(string command, JsonObject? arguments, Func<JsonNode?, T> read, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync(command, arguments, cancellationToken).ConfigureAwait(false);
        try
        {
            return read(reply);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or JsonException or ArgumentException or OverflowException or KeyNotFoundException or InvalidCastException)
        {
            throw Malformed(command, e.Message);
        }
    }

    private static QmpException Malformed(string command, string detail) =>
        new(command, "MalformedReply", $"the guest agent's reply does not follow QEMU's guest agent schema ({detail})");

    private static JsonObject? TryParse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return bytes.IsEmpty ? null : JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
