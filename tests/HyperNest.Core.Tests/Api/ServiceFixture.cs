using HyperNest.Api;
using HyperNest.Core.Tests.Hosting;
using HyperNest.Service;

namespace HyperNest.Core.Tests.Api;

/// <summary>
/// hypernestd's API server in this process, on the fixture home's socket, over host APIs with fake backends;
/// and the client the cmdlets use. The client's launcher fails the test if it is asked to start a service.
/// </summary>
internal sealed class ServiceFixture : IDisposable
{
    private readonly ApiServer _server;

    public ServiceFixture()
    {
        Endpoint = new ServiceEndpoint(Host.Paths);
        Directory.CreateDirectory(Host.Paths.RuntimeRoot);
        _server = ApiServer.Create(Endpoint, () => Host.CreateHost());
        _server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Client = new ServiceClient(Endpoint, new NoLaunch());
    }

    public HostFixture Host { get; } = new();

    public ServiceEndpoint Endpoint { get; }

    public ServiceClient Client { get; }

    /// <summary>A plain HTTP client on the socket (what a dashboard would use), without the streamed answers.</summary>
    public HttpClient PlainHttp() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(Endpoint.SocketPath), ct);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://hypernestd") };

    public void Dispose()
    {
        Client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Host.Dispose();
    }

    private sealed class NoLaunch : ServiceLauncher
    {
        public override void Start(ServiceEndpoint endpoint) => throw new InvalidOperationException("The test's service is already listening; the client must not start one.");
    }
}
