using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Network.Linux;
using HyperNest.Service.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

using HyperNest.Service.Logging;

namespace HyperNest.Service;

/// <summary>The API on the home's Unix socket: Kestrel, the routes, and the runners that answer them.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HostPool _hosts;

    private ApiServer(WebApplication app, HostPool hosts)
    {
        _app = app;
        _hosts = hosts;
    }

    public static ApiRouter CreateRouter() => new ApiRouter().MapVms().MapDevices().MapNetwork();

    /// <param name="afterCall">Told after every call ends (the supervisor looks for workers a call started).</param>
    /// <param name="log">The service's log: every change with its outcome, every failure.</param>
    public static ApiServer Create(ServiceEndpoint endpoint, Func<IVirtualizationHost> createHost, Action? afterCall = null, ServiceLog? log = null)
    {
        // The empty builder: no configuration sources, file watchers or default services to start, only
        // Kestrel (inside a TCG guest every start-up millisecond on the host is tens of milliseconds).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ").SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (SystemdSocket.Passed() is { } descriptor)
            {
                kestrel.ListenHandle((ulong)descriptor);
            }
            else
            {
                kestrel.ListenUnixSocket(endpoint.SocketPath);
            }

            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        var hosts = new HostPool(createHost);
        var router = CreateRouter();
        var calls = new CallRunner(hosts, afterCall ?? (() => { }), log ?? ServiceLog.None());
        var channels = new ChannelProxy(hosts);
        app.Run(context => Dispatch(context, router, calls, channels));
        return new ApiServer(app, hosts);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _hosts.Dispose();
    }

    private static readonly string? OwnNetwork = MachineNamespaces.OwnNetwork();

    private static ApiError? NetworkMismatch(HttpContext context)
    {
        var client = context.Request.Headers[ServiceEndpoint.NetworkNamespaceHeader].ToString();
        if (client.Length == 0 || OwnNetwork is null || client == OwnNetwork)
        {
            return null;
        }

        return new ApiError(
            $"This home's hypernestd (pid {Environment.ProcessId}) runs in network namespace {OwnNetwork}, this command in {client}: a home's switches, taps and NAT live in the namespace of its service. " +
            $"Run the command in the service's namespace, set HYPERNEST_HOME to another home here, or stop the service (kill {Environment.ProcessId}) so that the next command starts it here.",
            ErrorCategory.InvalidOperation, "ServiceInAnotherNetworkNamespace", client);
    }

    private static Task Dispatch(HttpContext context, ApiRouter router, CallRunner calls, ChannelProxy channels)
    {
        // The raw target keeps each segment escaped as the client sent it (see ApiRouter).
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var path = raw.Split('?', 2)[0];
        if (NetworkMismatch(context) is { } elsewhere)
        {
            return CallRunner.WriteErrorAsync(context, elsewhere);
        }

        var match = router.Match(context.Request.Method, path);
        if (match.Error is { } error)
        {
            return CallRunner.WriteErrorAsync(context, error);
        }

        return match.Channel is { } channel
            ? channels.RunAsync(context, channel, match.Values)
            : calls.RunAsync(context, match.Call!, match.Values);
    }
}
