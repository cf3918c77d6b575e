using System.Text.Json.Nodes;

namespace HyperNest.Qemu.Qmp;

/// <summary>Runtime memory: a virtio-mem device's sizes (qom-get/qom-set on its QOM path, qapi/qom.json).</summary>
public sealed partial class QmpClient
{
    /// <summary>Asks the guest's virtio-mem driver to plug or unplug until <paramref name="bytes"/> are plugged.</summary>
    public Task SetRequestedMemoryAsync(string deviceId, long bytes, CancellationToken cancellationToken = default) =>
        ExecuteAsync("qom-set", new JsonObject { ["path"] = PeripheralPath(deviceId), ["property"] = "requested-size", ["value"] = bytes }, cancellationToken);

    /// <summary>What the guest has plugged of the device (it follows requested-size as its driver gets to it).</summary>
    public async Task<long> QueryPluggedMemoryAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("qom-get", new JsonObject { ["path"] = PeripheralPath(deviceId), ["property"] = "size" }, cancellationToken).ConfigureAwait(false);
        return result?.GetValue<long>() ?? throw new InvalidDataException($"qom-get of {deviceId}'s size returned nothing");
    }

    /// <summary>Devices given an id on the command line live under /machine/peripheral.</summary>
    private static string PeripheralPath(string deviceId) => "/machine/peripheral/" + deviceId;
}
