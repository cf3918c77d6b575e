using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace HyperNest.Qemu.Qmp;

/// <summary>
/// Files handed to QEMU as descriptors (qapi/misc.json: getfd, add-fd, query-fdsets, remove-fd). QEMU drops
/// root before it runs the guest (-runas), so every file it opens after that comes from the host this way.
/// </summary>
public sealed partial class QmpClient
{
    /// <summary>Gives QEMU a descriptor it then knows as <paramref name="name"/> (a migration's "fd:name").</summary>
    public Task GetFdAsync(string name, SafeHandle descriptor, CancellationToken cancellationToken = default)
        => ExecuteWithDescriptorAsync("getfd", new JsonObject { ["fdname"] = name }, descriptor, cancellationToken);

    /// <summary>
    /// Puts a descriptor in a new fd set, which block nodes open as "/dev/fdset/&lt;id&gt;" (QEMU picks the
    /// descriptor whose access mode matches). <paramref name="opaque"/> names the set for <see cref="RemoveFdSetsAsync"/>.
    /// </summary>
    public async Task<int> AddFdAsync(SafeHandle descriptor, string opaque, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteWithDescriptorAsync("add-fd", new JsonObject { ["opaque"] = opaque }, descriptor, cancellationToken).ConfigureAwait(false);
        return result?["fdset-id"]?.GetValue<int>() ?? throw new InvalidDataException("add-fd returned no fdset-id");
    }

    /// <summary>
    /// Removes every fd set whose descriptors carry <paramref name="opaque"/>. QEMU closes its own copy of a
    /// descriptor only when the node using it closes; the one HyperNest passed stays open until removed here.
    /// </summary>
    public async Task RemoveFdSetsAsync(string opaque, CancellationToken cancellationToken = default)
    {
        var sets = await ExecuteAsync("query-fdsets", null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        foreach (var set in sets)
        {
            if (set?["fds"] is JsonArray fds && fds.Any(fd => fd?["opaque"]?.GetValue<string>() == opaque)
                && set["fdset-id"]?.GetValue<int>() is { } id)
            {
                await ExecuteAsync("remove-fd", new JsonObject { ["fdset-id"] = id }, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
