using System.Text.Json;
using System.Threading.Channels;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Service.Logging;
using Microsoft.AspNetCore.Http;

namespace HyperNest.Service;

/// <summary>
/// Runs one API call on a host from the pool, on a thread of its own (host calls block: a Wait-VM may
/// wait minutes), and answers it: streamed as lines (warnings and progress as they happen, then the value
/// or the error) when the client accepts application/x-ndjson, else as one JSON document
/// {"Value"|"Error", "Warnings"} with the error's HTTP status.
/// </summary>
internal sealed class CallRunner
{
    private readonly HostPool _hosts;
    private readonly Action _afterCall;
    private readonly ServiceLog _log;

    public CallRunner(HostPool hosts, Action afterCall, ServiceLog log)
    {
        _hosts = hosts;
        _afterCall = afterCall;
        _log = log;
    }

    public async Task RunAsync(HttpContext context, HostCall call, IReadOnlyDictionary<string, string> segments)
    {
        var frames = Channel.CreateUnbounded<ServedFrame>(new UnboundedChannelOptions { SingleReader = true });
        var body = await ReadBodyAsync(context);
        if (body.Error is { } bodyError)
        {
            await WriteAsync(context, [new ServedFrame { Error = bodyError }]);
            return;
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var progress = new FrameProgress(frames.Writer);
        var request = new ApiRequest(segments, query, body.Value, progress, context.RequestAborted);
        var operation = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        var logsSuccess = !HttpMethods.IsGet(context.Request.Method);
        var vmName = context.Request.Path.StartsWithSegments("/v1/vms", StringComparison.Ordinal) && segments.TryGetValue("name", out var name) ? name : null;
        _ = Task.Factory.StartNew(() => Execute(call, request, frames.Writer, operation, vmName, logsSuccess), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        if (Streams(context))
        {
            await StreamAsync(context, frames.Reader);
        }
        else
        {
            var all = new List<ServedFrame>();
            await foreach (var frame in frames.Reader.ReadAllAsync(CancellationToken.None))
            {
                all.Add(frame);
            }

            await WriteAsync(context, all);
        }
    }

    /// <summary>An answer that is only an error (no such path, bad body) in the form the client asked for.</summary>
    public static Task WriteErrorAsync(HttpContext context, ApiError error) => WriteAsync(context, [new ServedFrame { Error = error }]);

    /// <summary>
    /// Runs the call and logs its outcome: every change (the operations an admin reads back, as in VMMS's
    /// event log) and every failure; successful reads are not logged (a dashboard polls them).
    /// </summary>
    private void Execute(HostCall call, ApiRequest request, ChannelWriter<ServedFrame> frames, string operation, string? vmName, bool logsSuccess)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var host = _hosts.Rent();
        void OnWarning(object? sender, string message) => frames.TryWrite(new ServedFrame { Warning = message });
        host.Warning += OnWarning;
        try
        {
            var value = call(host, request);
            frames.TryWrite(ServedFrame.ForValue(value));
            if (logsSuccess)
            {
                _log.Info("api", $"{operation}: done in {clock.ElapsedMilliseconds} ms", OutcomeFields(operation, vmName, "done", clock.ElapsedMilliseconds));
            }
        }
        catch (Exception ex)
        {
            var error = ApiError.From(ex);
            frames.TryWrite(new ServedFrame { Error = error });
            _log.Error(
                "api",
                $"{operation}: failed in {clock.ElapsedMilliseconds} ms ({error.ErrorId}): {error.Message}",
                [.. OutcomeFields(operation, vmName, "failed", clock.ElapsedMilliseconds), ServiceLog.Field(LogFields.ErrorId, error.ErrorId)]);
        }
        finally
        {
            host.Warning -= OnWarning;
            _hosts.Return(host);
            frames.TryComplete();
            _afterCall();
        }
    }

    private static KeyValuePair<string, string>[] OutcomeFields(string operation, string? vmName, string outcome, long milliseconds) =>
    [
        ServiceLog.Field(LogFields.Operation, operation),
        ServiceLog.Field(LogFields.Outcome, outcome),
        ServiceLog.Field(LogFields.DurationMs, milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. vmName is null ? [] : new[] { ServiceLog.Field(LogFields.VmName, vmName) },
    ];

    private static bool Streams(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains(ApiConnection.StreamMediaType, StringComparison.OrdinalIgnoreCase));

    private static async Task StreamAsync(HttpContext context, ChannelReader<ServedFrame> frames)
    {
        // The status waits for the first line: a call refused at once answers with its error's status.
        var first = true;
        await foreach (var frame in frames.ReadAllAsync(CancellationToken.None))
        {
            if (first)
            {
                context.Response.StatusCode = frame.Error?.HttpStatus ?? 200;
                context.Response.ContentType = ApiConnection.StreamMediaType;
                first = false;
            }

            try
            {
                await context.Response.Body.WriteAsync(frame.ToLine(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client left; the call runs to its end (its cancellation token said so) and nobody reads it.
            }
        }
    }

    private static Task WriteAsync(HttpContext context, IReadOnlyList<ServedFrame> frames)
    {
        if (Streams(context))
        {
            var channel = Channel.CreateUnbounded<ServedFrame>();
            foreach (var frame in frames)
            {
                channel.Writer.TryWrite(frame);
            }

            channel.Writer.Complete();
            return StreamAsync(context, channel.Reader);
        }

        var final = frames.LastOrDefault(f => f.IsFinal);
        var warnings = frames.Where(f => f.Warning is not null).Select(f => f.Warning!).ToList();
        context.Response.StatusCode = final?.Error?.HttpStatus ?? 200;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(ServedFrame.ToDocument(final, warnings)).AsTask();
    }

    private static async Task<(JsonElement Value, ApiError? Error)> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 || context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count == 0)
        {
            return (default, null);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, new ApiError($"The request body is not JSON: {ex.Message}", ErrorCategory.InvalidArgument, "ApiBodyInvalid", null));
        }
    }

    private sealed class FrameProgress(ChannelWriter<ServedFrame> frames) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => frames.TryWrite(new ServedFrame { Progress = value });
    }
}
