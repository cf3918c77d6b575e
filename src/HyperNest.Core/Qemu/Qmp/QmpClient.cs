using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperNest.Qemu.Qmp;

/// <summary>
/// A QMP connection to one QEMU process: reads the greeting, negotiates capabilities, then sends
/// commands tagged with ids while a reader collects the answers and the asynchronous events that
/// arrive between them. Typed commands live in QmpClient.Commands.cs.
/// </summary>
public sealed partial class QmpClient : IAsyncDisposable
{
    private const int MaxBufferedEvents = 1000;

    private readonly JsonLineStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCommand> _pending = new();
    private readonly Lock _eventsLock = new();
    private readonly List<QmpEvent> _events = [];
    private readonly List<EventWaiter> _eventWaiters = [];
    private readonly CancellationTokenSource _stopReading = new();
    private Task? _readLoop;
    private long _nextId;
    private volatile Exception? _closedReason;
    private int _disposed;

    private QmpClient(JsonLineStream stream, QmpVersion version)
    {
        _stream = stream;
        Version = version;
    }

    /// <summary>The QEMU version the greeting announced.</summary>
    public QmpVersion Version { get; }

    /// <summary>How long a command may take before <see cref="TimeoutException"/>.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConnected => _closedReason is null;

    /// <summary>Completes when the connection closes (QEMU exited, or this client was disposed).</summary>
    public Task Completion => _readLoop ?? Task.CompletedTask;

    /// <summary>Connects to QEMU's QMP socket (retrying until it exists) and leaves capabilities negotiation mode.</summary>
    public static async Task<QmpClient> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        JsonLineStream? stream = null;
        try
        {
            stream = await JsonLineStream.ConnectAsync(socketPath, deadline.Token).ConfigureAwait(false);
            var greetingLine = await stream.ReadLineAsync(deadline.Token).ConfigureAwait(false)
                ?? throw new QmpConnectionClosedException($"QMP socket {socketPath} closed before the greeting");
            var client = new QmpClient(stream, ParseGreeting(greetingLine));
            stream = null;
            client._readLoop = Task.Run(client.ReadLoopAsync, CancellationToken.None);
            try
            {
                await client.ExecuteAsync("qmp_capabilities", null, deadline.Token).ConfigureAwait(false);
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return client;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"QMP socket {socketPath} did not greet within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one command and returns its "return" value; throws <see cref="QmpException"/> for an "error" answer.</summary>
    public Task<JsonNode?> ExecuteAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(command, arguments, null, cancellationToken);

    /// <summary>
    /// Sends one command with <paramref name="descriptor"/> attached (getfd, add-fd): QEMU runs as an unprivileged
    /// user and cannot open HyperNest's files itself, so the host opens them and hands QEMU the descriptor.
    /// </summary>
    public Task<JsonNode?> ExecuteWithDescriptorAsync(string command, JsonObject? arguments, SafeHandle descriptor, CancellationToken cancellationToken = default)
        => ExecuteAsync(command, arguments, descriptor, cancellationToken);

    private async Task<JsonNode?> ExecuteAsync(string command, JsonObject? arguments, SafeHandle? descriptor, CancellationToken cancellationToken)
    {
        ThrowIfClosed(command);
        var id = "hn-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new PendingCommand();
        _pending[id] = pending;
        try
        {
            // The reader may have closed between the check above and registering: it would never see this command.
            ThrowIfClosed(command);
            var request = new JsonObject { ["execute"] = command, ["id"] = id };
            if (arguments is not null)
            {
                request["arguments"] = arguments;
            }

            var bytes = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (descriptor is null)
                {
                    await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _stream.WriteWithDescriptorAsync(bytes, descriptor, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (IOException e)
            {
                throw new QmpConnectionClosedException($"QMP connection lost while sending {command}", e);
            }
            finally
            {
                _writeLock.Release();
            }

            var response = await pending.Completion.Task.WaitAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (response["error"] is JsonObject error)
            {
                throw new QmpException(command, error["class"]?.GetValue<string>() ?? "unknown", error["desc"]?.GetValue<string>() ?? "");
            }

            return response["return"];
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"QEMU did not answer {command} within {CommandTimeout.TotalSeconds:0.#} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Removes and returns the events received so far.</summary>
    public IReadOnlyList<QmpEvent> TakeEvents()
    {
        lock (_eventsLock)
        {
            var taken = _events.ToArray();
            _events.Clear();
            return taken;
        }
    }

    /// <summary>
    /// Waits for an event with this name, consuming it; an event that already arrived counts, so call
    /// <see cref="TakeEvents"/> before the command whose event you then wait for.
    /// </summary>
    public async Task<QmpEvent> WaitForEventAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        EventWaiter waiter;
        lock (_eventsLock)
        {
            var index = _events.FindIndex(e => e.Name == name);
            if (index >= 0)
            {
                var found = _events[index];
                _events.RemoveAt(index);
                return found;
            }

            ThrowIfClosed("waiting for event " + name);
            waiter = new EventWaiter(name);
            _eventWaiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"QEMU sent no {name} event within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            lock (_eventsLock)
            {
                _eventWaiters.Remove(waiter);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopReading.CancelAsync().ConfigureAwait(false);
        _stream.Shutdown();
        if (_readLoop is not null)
        {
            await _readLoop.ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _stopReading.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        Exception reason;
        try
        {
            while (true)
            {
                var line = await _stream.ReadLineAsync(_stopReading.Token).ConfigureAwait(false);
                if (line is null)
                {
                    reason = new QmpConnectionClosedException("QEMU closed the QMP connection");
                    break;
                }

                if (line.Length > 0)
                {
                    Dispatch(JsonNode.Parse(line) as JsonObject);
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = new ObjectDisposedException(nameof(QmpClient));
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or ObjectDisposedException)
        {
            reason = new QmpConnectionClosedException("QMP connection failed: " + e.Message, e);
        }

        Close(reason);
    }

    private void Dispatch(JsonObject? message)
    {
        if (message is null)
        {
            return;
        }

        if (message["event"] is JsonValue eventName)
        {
            AddEvent(new QmpEvent(eventName.GetValue<string>(), message["data"] as JsonObject, ParseTimestamp(message["timestamp"])));
            return;
        }

        // Answers carry our id back; one without an id (a parse error QEMU reports) has no command to fail.
        if (message["id"] is JsonValue id && _pending.TryGetValue(id.ToString(), out var pending))
        {
            pending.Completion.TrySetResult(message);
        }
    }

    private void AddEvent(QmpEvent qmpEvent)
    {
        lock (_eventsLock)
        {
            var waiter = _eventWaiters.Find(w => w.Name == qmpEvent.Name && !w.Completion.Task.IsCompleted);
            if (waiter is not null)
            {
                waiter.Completion.TrySetResult(qmpEvent);
                return;
            }

            if (_events.Count == MaxBufferedEvents)
            {
                _events.RemoveAt(0);
            }

            _events.Add(qmpEvent);
        }
    }

    private void Close(Exception reason)
    {
        _closedReason = reason;
        foreach (var pending in _pending.Values)
        {
            pending.Completion.TrySetException(reason);
        }

        lock (_eventsLock)
        {
            foreach (var waiter in _eventWaiters)
            {
                waiter.Completion.TrySetException(reason);
            }
        }
    }

    private void ThrowIfClosed(string what)
    {
        if (_closedReason is { } reason)
        {
            throw reason is ObjectDisposedException
                ? new ObjectDisposedException(nameof(QmpClient))
                : new QmpConnectionClosedException($"QMP connection is closed ({reason.Message}); cannot send {what}", reason);
        }
    }

    private static QmpVersion ParseGreeting(byte[] line)
    {
        var version = (JsonNode.Parse(line) as JsonObject)?["QMP"]?["version"] as JsonObject
            ?? throw new InvalidDataException("the socket did not send a QMP greeting: " + Encoding.UTF8.GetString(line));
        return ParseVersion(version);
    }

    internal static QmpVersion ParseVersion(JsonObject version)
    {
        var qemu = version["qemu"] as JsonObject ?? throw new InvalidDataException("QMP version has no \"qemu\" member");
        return new QmpVersion(
            qemu["major"]?.GetValue<int>() ?? 0,
            qemu["minor"]?.GetValue<int>() ?? 0,
            qemu["micro"]?.GetValue<int>() ?? 0,
            version["package"]?.GetValue<string>()?.Trim() ?? "");
    }

    private static DateTimeOffset ParseTimestamp(JsonNode? timestamp)
    {
        if (timestamp is JsonObject t && t["seconds"] is JsonValue seconds && t["microseconds"] is JsonValue micros)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds.GetValue<long>()).AddTicks(micros.GetValue<long>() * 10);
        }

        return DateTimeOffset.UtcNow;
    }

    private sealed class PendingCommand
    {
        public TaskCompletionSource<JsonObject> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class EventWaiter(string name)
    {
        public string Name { get; } = name;

        public TaskCompletionSource<QmpEvent> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
