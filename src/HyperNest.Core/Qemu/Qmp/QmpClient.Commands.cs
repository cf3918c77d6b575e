using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace HyperNest.Qemu.Qmp;

/// <summary>Typed QMP commands (names and shapes from QEMU's qapi/*.json schema).</summary>
public sealed partial class QmpClient
{
    public async Task<QmpStatus> QueryStatusAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("query-status", null, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidDataException("query-status returned no object");
        return new QmpStatus(result["status"]?.GetValue<string>() ?? "unknown", result["running"]?.GetValue<bool>() ?? false);
    }

    public async Task<QmpVersion> QueryVersionAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("query-version", null, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidDataException("query-version returned no object");
        return ParseVersion(result);
    }

    /// <summary>set_link: the guest sees its NIC's carrier come and go, like a cable plugged in or pulled.</summary>
    public Task SetLinkAsync(string deviceId, bool up, CancellationToken cancellationToken = default) =>
        ExecuteAsync("set_link", new JsonObject { ["name"] = deviceId, ["up"] = up }, cancellationToken);

    /// <summary>Pauses the vCPUs (Suspend-VM). QEMU then emits STOP.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => ExecuteAsync("stop", null, cancellationToken);

    /// <summary>Adds a block node graph (the arguments of -blockdev, as JSON).</summary>
    public Task BlockdevAddAsync(JsonObject arguments, CancellationToken cancellationToken = default) => ExecuteAsync("blockdev-add", arguments, cancellationToken);

    /// <summary>Removes a block node added with blockdev-add; fails while a device still uses it.</summary>
    public Task BlockdevDelAsync(string nodeName, CancellationToken cancellationToken = default) =>
        ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = nodeName }, cancellationToken);

    /// <summary>Hot-plugs a device (the properties of -device, as JSON with "driver").</summary>
    public Task DeviceAddAsync(JsonObject arguments, CancellationToken cancellationToken = default) => ExecuteAsync("device_add", arguments, cancellationToken);

    /// <summary>Asks for a device's removal; it is gone when DEVICE_DELETED names it (at once for SCSI disks, after the guest agrees for PCI).</summary>
    public Task DeviceDelAsync(string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("device_del", new JsonObject { ["id"] = id }, cancellationToken);

    /// <summary>Resumes the vCPUs (Resume-VM). QEMU then emits RESUME.</summary>
    public Task ContAsync(CancellationToken cancellationToken = default) => ExecuteAsync("cont", null, cancellationToken);

    /// <summary>ACPI power button: the guest decides whether to shut down (POWERDOWN now, SHUTDOWN when it does).</summary>
    public Task SystemPowerdownAsync(CancellationToken cancellationToken = default) => ExecuteAsync("system_powerdown", null, cancellationToken);

    /// <summary>Hard reset (Restart-VM -Force).</summary>
    public Task SystemResetAsync(CancellationToken cancellationToken = default) => ExecuteAsync("system_reset", null, cancellationToken);

    /// <summary>Ends QEMU at once (Stop-VM -TurnOff). QEMU may close the socket before its answer arrives; that is success.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync("quit", null, cancellationToken).ConfigureAwait(false);
        }
        catch (QmpConnectionClosedException)
        {
        }
    }

    /// <summary>An HMP command through QMP, e.g. "info registers" (shows EFER: SVME is bit 12).</summary>
    public async Task<string> HumanMonitorCommandAsync(string commandLine, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("human-monitor-command", new JsonObject { ["command-line"] = commandLine }, cancellationToken).ConfigureAwait(false);
        return result?.GetValue<string>() ?? "";
    }

    /// <summary>
    /// Whether the guest has the virtio-serial port behind chardev <paramref name="label"/> open (query-chardev's
    /// frontend-open): a guest program is reading it. Null when there is no such chardev.
    /// </summary>
    public async Task<bool?> IsChardevFrontendOpenAsync(string label, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("query-chardev", null, cancellationToken).ConfigureAwait(false) as JsonArray;
        foreach (var chardev in result ?? [])
        {
            if (chardev?["label"]?.GetValue<string>() == label)
            {
                return chardev["frontend-open"]?.GetValue<bool>() ?? false;
            }
        }

        return null;
    }

    /// <summary>EFER and CR4 of every vCPU, to tell whether the guest runs a hypervisor of its own.</summary>
    public async Task<IReadOnlyList<QemuCpuRegisters>> QueryCpuRegistersAsync(CancellationToken cancellationToken = default)
        => QemuCpuRegisters.Parse(await HumanMonitorCommandAsync("info registers -a", cancellationToken).ConfigureAwait(false));

    /// <summary>The name the saved-state file's descriptor has in QEMU while a save or a restore runs.</summary>
    private const string StateFileDescriptorName = "hn-state";

    /// <summary>Starts an outgoing migration.</summary>
    public Task MigrateAsync(string uri, CancellationToken cancellationToken = default)
        => ExecuteAsync("migrate", new JsonObject { ["uri"] = uri }, cancellationToken);

    /// <summary>
    /// Loads the VM's state from <paramref name="stateFile"/> (opened for reading) into a QEMU started with
    /// "-incoming defer"; returns once QEMU has begun reading, see <see cref="WaitForMigrationAsync"/>.
    /// </summary>
    public async Task LoadStateAsync(SafeHandle stateFile, CancellationToken cancellationToken = default)
    {
        await GetFdAsync(StateFileDescriptorName, stateFile, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("migrate-incoming", new JsonObject { ["uri"] = "fd:" + StateFileDescriptorName }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<QmpMigrationInfo> QueryMigrateAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync("query-migrate", null, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidDataException("query-migrate returned no object");
        var ram = result["ram"] as JsonObject;
        return new QmpMigrationInfo(
            result["status"]?.GetValue<string>() ?? "none",
            ram?["transferred"]?.GetValue<long>(),
            ram?["total"]?.GetValue<long>(),
            result["error-desc"]?.GetValue<string>());
    }

    /// <summary>
    /// Saves the VM's whole state (Stop-VM -Save) into <paramref name="stateFile"/>, a file the host opened for
    /// writing: migrates into it and polls until done. QEMU leaves the VM stopped ("postmigrate"); the caller
    /// then quits it. Throws when the migration fails.
    /// </summary>
    public async Task<QmpMigrationInfo> SaveStateAsync(SafeHandle stateFile, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await GetFdAsync(StateFileDescriptorName, stateFile, deadline.Token).ConfigureAwait(false);
            await MigrateAsync("fd:" + StateFileDescriptorName, deadline.Token).ConfigureAwait(false);
            return await WaitForMigrationAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"saving the VM state took longer than {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Polls query-migrate until the migration (outgoing or incoming) finishes; throws if it failed.</summary>
    public async Task<QmpMigrationInfo> WaitForMigrationAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var info = await QueryMigrateAsync(cancellationToken).ConfigureAwait(false);
            if (info.IsFailed)
            {
                throw new QmpException("migrate", "MigrationFailed", info.ErrorDescription ?? "migration " + info.Status);
            }

            if (info.IsCompleted)
            {
                return info;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
