using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HyperNest.Hosting;

namespace HyperNest.Api;

/// <summary>
/// HTTP over the service's Unix socket. Every call streams its answer (warnings and progress as they
/// happen, then the value or the error) and is read on the caller's thread, so a cmdlet relays them in order.
/// A service that is not running is started on the first connection a call makes, before anything is sent.
/// </summary>
public sealed class ApiConnection : IDisposable
{
    public const string StreamMediaType = "application/x-ndjson";

    private readonly ServiceEndpoint _endpoint;
    private readonly ServiceLauncher _launcher;
    private readonly HttpClient _http;

    public ApiConnection(ServiceEndpoint endpoint, ServiceLauncher launcher)
    {
        endpoint.RequireUsableSocketPath();
        _endpoint = endpoint;
        _launcher = launcher;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => ValueTask.FromResult(ConnectToService()),
            // A connection per call (a Unix socket costs microseconds): a pooled one would outlive a restarted
            // service and fail the next call, where a fresh one reaches (or starts) the new service.
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://hypernestd"), Timeout = Timeout.InfiniteTimeSpan };
        if (OwnNetwork is { } network)
        {
            _http.DefaultRequestHeaders.Add(ServiceEndpoint.NetworkNamespaceHeader, network);
        }
    }

    private static string? OwnNetwork => Network.Linux.MachineNamespaces.OwnNetwork();

    /// <summary>Runs one call; the value of its last line as <typeparamref name="T"/>.</summary>
    public T Call<T>(HttpMethod method, string path, object? body, Action<string> onWarning, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        var value = Call(method, path, body, onWarning, progress, cancellationToken);
        try
        {
            return value.Deserialize<T>(ApiJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw Malformed(path, $"its value is not a {typeof(T).Name}: {ex.Message}");
        }
    }

    public JsonElement Call(HttpMethod method, string path, object? body, Action<string> onWarning, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(StreamMediaType));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }

        using (response)
        using (cancellationToken.Register(response.Dispose))
        {
            try
            {
                return ReadFrames(response, path, onWarning, progress);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is IOException or ObjectDisposedException or HttpRequestException)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw Unreachable(ex);
            }
        }
    }

    /// <summary>
    /// A raw two-way channel the service proxies to a VM (PowerShell Direct): an HTTP/1.1 Upgrade on a
    /// connection of its own, after which the socket carries the channel's bytes.
    /// </summary>
    public Stream OpenChannel(string path)
    {
        var stream = ConnectToService();
        try
        {
            var network = OwnNetwork is { } own ? $"{ServiceEndpoint.NetworkNamespaceHeader}: {own}\r\n" : "";
            var request = $"GET {path} HTTP/1.1\r\nHost: hypernestd\r\nConnection: Upgrade\r\nUpgrade: hypernest-channel\r\nAccept: {StreamMediaType}\r\n{network}\r\n";
            stream.Write(Encoding.ASCII.GetBytes(request));
            var head = ReadResponseHead(stream);
            if (head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                return stream;
            }

            // Refused before the upgrade: the body is the error frame (Connection: close ends it).
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var body = reader.ReadToEnd();
            var frame = ParseFrame(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "", path);
            throw frame.Error?.ToException() ?? Malformed(path, $"the channel was refused: {head.Split('\r')[0]}");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string ReadResponseHead(Stream stream)
    {
        // Byte by byte up to the blank line: nothing of the channel that follows may be read into a buffer.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (stream.Read(one) == 0 || head.Length > 16384)
            {
                throw new IOException("hypernestd closed the channel before answering.");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private JsonElement ReadFrames(HttpResponseMessage response, string path, Action<string> onWarning, IProgress<ProgressUpdate>? progress)
    {
        using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var frame = ParseFrame(line, path);
            if (frame.Warning is { } warning)
            {
                onWarning(warning);
            }
            else if (frame.Progress is { } update)
            {
                progress?.Report(update);
            }
            else if (frame.Error is { } error)
            {
                throw error.ToException();
            }
            else if (frame.IsFinal)
            {
                return frame.Value;
            }
        }

        throw Malformed(path, $"the answer (HTTP {(int)response.StatusCode}) ended without a value or an error");
    }

    private ApiFrame ParseFrame(string line, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiFrame>(line, ApiJson.Options) ?? throw new JsonException("null frame");
        }
        catch (JsonException ex)
        {
            throw Malformed(path, $"a line is not an API frame ({ex.Message})");
        }
    }

    private Stream ConnectToService()
    {
        var socket = TryConnect();
        if (socket is null)
        {
            _launcher.Start(_endpoint);
            socket = _launcher.WaitUntilListening(_endpoint, TryConnect);
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    private Socket? TryConnect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(_endpoint.SocketPath));
            return socket;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused or SocketError.TryAgain)
        {
            socket.Dispose();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            socket.Dispose();
            throw new HostException(
                $"Access to hypernestd's socket '{_endpoint.SocketPath}' is denied: {ex.Message}. The service belongs to the home's owner; run as that user (root for the default home) or set HYPERNEST_HOME to a home of your own.",
                ErrorCategory.PermissionDenied, "ServiceAccessDenied", _endpoint.SocketPath, ex);
        }
    }

    private HostException Unreachable(Exception ex) => new(
        $"hypernestd (socket '{_endpoint.SocketPath}') stopped answering: {ex.Message} Its log is '{_endpoint.LogPath}'; the next command starts it again.",
        ErrorCategory.ConnectionError, "ServiceUnreachable", _endpoint.SocketPath, ex);

    private HostException Malformed(string path, string why) => new(
        $"hypernestd gave an answer to {path} this client cannot read: {why}. Are the service and this client the same HyperNest version? Stop the service (its pid is in '{_endpoint.PidFilePath}') and run the command again.",
        ErrorCategory.InvalidResult, "ServiceAnswerMalformed", path);
}
