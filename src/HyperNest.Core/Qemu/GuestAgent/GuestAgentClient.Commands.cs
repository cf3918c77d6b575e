using System.Text.Json.Nodes;

namespace HyperNest.Qemu.GuestAgent;

/// <summary>Typed guest agent commands (names and shapes from QEMU's qga/qapi-schema.json).</summary>
public sealed partial class GuestAgentClient
{
    /// <summary>The Heartbeat check: true when the agent answers guest-ping within <paramref name="timeout"/>.</summary>
    public async Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await ExecuteAsync("guest-ping", null, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Asks the guest OS to shut down (Stop-VM without -Force). The agent does not answer; watch QMP's SHUTDOWN event.</summary>
    public Task ShutdownAsync(GuestShutdownMode mode = GuestShutdownMode.Powerdown, CancellationToken cancellationToken = default)
        => SendWithoutReplyAsync("guest-shutdown", new JsonObject { ["mode"] = mode.ToString().ToLowerInvariant() }, cancellationToken);

    /// <summary>guest-set-time: the guest's clock to <paramref name="time"/> (nanoseconds since the Unix epoch on the wire).</summary>
    public Task SetTimeAsync(DateTimeOffset time, CancellationToken cancellationToken = default)
        => ExecuteAsync("guest-set-time", new JsonObject { ["time"] = (time - DateTimeOffset.UnixEpoch).Ticks * 100 }, cancellationToken);

    /// <summary>Starts a program in the guest (no shell); returns the guest pid for <see cref="ExecStatusAsync"/>.</summary>
    public async Task<long> ExecAsync(string path, IReadOnlyList<string> arguments, bool captureOutput = true, byte[]? standardInput = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["path"] = path,
            ["arg"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["capture-output"] = captureOutput,
        };
        if (standardInput is not null)
        {
            request["input-data"] = Convert.ToBase64String(standardInput);
        }

        return await ExecuteAsync("guest-exec", request, r => r?["pid"]?.GetValue<long>() ?? throw new InvalidDataException("guest-exec returned no pid"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<GuestExecStatus> ExecStatusAsync(long pid, CancellationToken cancellationToken = default)
    {
        return await ExecuteAsync("guest-exec-status", new JsonObject { ["pid"] = pid }, r =>
        {
            var result = r as JsonObject ?? throw new InvalidDataException("guest-exec-status returned no object");
            return new GuestExecStatus(
                result["exited"]?.GetValue<bool>() ?? false,
                result["exitcode"]?.GetValue<int>(),
                result["signal"]?.GetValue<int>(),
                Decode(result["out-data"]),
                Decode(result["err-data"]),
                result["out-truncated"]?.GetValue<bool>() ?? false,
                result["err-truncated"]?.GetValue<bool>() ?? false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>guest-exec, then polls guest-exec-status until the program exits or <paramref name="timeout"/> passes.</summary>
    public async Task<GuestExecStatus> RunAsync(string path, IReadOnlyList<string> arguments, TimeSpan timeout, byte[]? standardInput = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var pid = await ExecAsync(path, arguments, true, standardInput, deadline.Token).ConfigureAwait(false);
            var delay = TimeSpan.FromMilliseconds(20);
            while (true)
            {
                var status = await ExecStatusAsync(pid, deadline.Token).ConfigureAwait(false);
                if (status.Exited)
                {
                    return status;
                }

                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{path} did not finish in the guest within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Opens a file in the guest; <paramref name="mode"/> is fopen(3)'s ("r", "w", "a", "wb", ...).</summary>
    public async Task<long> FileOpenAsync(string path, string mode = "w", CancellationToken cancellationToken = default)
    {
        return await ExecuteAsync("guest-file-open", new JsonObject { ["path"] = path, ["mode"] = mode }, r => r?.GetValue<long>() ?? throw new InvalidDataException("guest-file-open returned no handle"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one chunk; returns how many bytes the guest wrote. Keep chunks modest: the whole request is one JSON line.</summary>
    public async Task<int> FileWriteAsync(long handle, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["handle"] = handle,
            ["buf-b64"] = Convert.ToBase64String(data.Span),
            ["count"] = data.Length,
        };
        return await ExecuteAsync("guest-file-write", request, r => r?["count"]?.GetValue<int>() ?? throw new InvalidDataException("guest-file-write returned no count"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads up to <paramref name="count"/> bytes; the guest's answer is held to that size.</summary>
    public async Task<byte[]> FileReadAsync(long handle, int count, CancellationToken cancellationToken = default)
    {
        var data = await ExecuteAsync("guest-file-read", new JsonObject { ["handle"] = handle, ["count"] = count }, r => Decode(r?["buf-b64"]), cancellationToken).ConfigureAwait(false);
        return data.Length <= count ? data : throw new InvalidDataException($"guest-file-read returned {data.Length} bytes, more than the {count} asked for");
    }

    public Task FileCloseAsync(long handle, CancellationToken cancellationToken = default)
        => ExecuteAsync("guest-file-close", new JsonObject { ["handle"] = handle }, cancellationToken);

    private static byte[] Decode(JsonNode? base64) => base64 is null ? [] : Convert.FromBase64String(base64.GetValue<string>());

    /// <summary>guest-network-get-interfaces: each interface's MAC (lower-case) with its addresses, loopback left out.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NetworkInterfacesAsync(CancellationToken cancellationToken = default)
    {
        return await ExecuteAsync("guest-network-get-interfaces", null, r =>
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var nic in r?.AsArray() ?? [])
            {
                var mac = nic?["hardware-address"]?.GetValue<string>()?.ToLowerInvariant();
                if (mac is null || mac == "00:00:00:00:00:00")
                {
                    continue;
                }

                result[mac] = (nic!["ip-addresses"]?.AsArray() ?? [])
                    .Select(address => address?["ip-address"]?.GetValue<string>())
                    .OfType<string>()
                    .Where(address => System.Net.IPAddress.TryParse(address, out _))
                    .ToList();
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)result;
        }, cancellationToken).ConfigureAwait(false);
    }
}
