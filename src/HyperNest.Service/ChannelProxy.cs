using HyperNest.Api;
using HyperNest.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HyperNest.Service;

/// <summary>Opens the far end of a raw channel (a VM's PowerShell endpoint) for a route.</summary>
internal delegate Stream ChannelCall(IVirtualizationHost host, ApiRequest request);

/// <summary>
/// Serves a channel route: opens the far end first (a refusal is an ordinary error answer), then upgrades
/// the HTTP connection and copies bytes both ways until either side closes. The client never touches the
/// VM's socket itself.
/// </summary>
internal sealed class ChannelProxy
{
    private readonly HostPool _hosts;

    public ChannelProxy(HostPool hosts) => _hosts = hosts;

    public async Task RunAsync(HttpContext context, ChannelCall call, IReadOnlyDictionary<string, string> segments)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            await Refuse(context, new ApiError("This path is a channel: ask for it with 'Connection: Upgrade' and 'Upgrade: hypernest-channel'.", ErrorCategory.InvalidOperation, "ApiChannelNeedsUpgrade", context.Request.Path));
            return;
        }

        var request = new ApiRequest(segments, new Dictionary<string, string>(), default, new Progress<ProgressUpdate>(), context.RequestAborted);
        Stream target;
        try
        {
            target = await Task.Factory.StartNew(() => Open(call, request), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (Exception ex)
        {
            await Refuse(context, ApiError.From(ex));
            return;
        }

        await using (target)
        {
            await using var client = await upgrade.UpgradeAsync();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var toTarget = client.CopyToAsync(target, done.Token);
            var toClient = target.CopyToAsync(client, done.Token);
            await Task.WhenAny(toTarget, toClient);
            await done.CancelAsync();
        }
    }

    private Stream Open(ChannelCall call, ApiRequest request)
    {
        var host = _hosts.Rent();
        try
        {
            return call(host, request);
        }
        finally
        {
            _hosts.Return(host);
        }
    }

    private static Task Refuse(HttpContext context, ApiError error)
    {
        context.Response.Headers.Connection = "close";
        return CallRunner.WriteErrorAsync(context, error);
    }
}
