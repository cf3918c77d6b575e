namespace HyperNest.Hosting;

/// <summary>
/// Hyper-V's integration services (the names Get-VMIntegrationService shows on Windows Server 2016 and
/// later) and what each is on HyperNest, where the QEMU guest agent carries them.
/// </summary>
internal static class IntegrationServices
{
    public const string GuestServiceInterface = "Guest Service Interface";
    public const string Heartbeat = "Heartbeat";
    public const string KeyValuePairExchange = "Key-Value Pair Exchange";
    public const string Shutdown = "Shutdown";
    public const string TimeSynchronization = "Time Synchronization";
    public const string Vss = "VSS";

    /// <summary>In Hyper-V's order (alphabetical, as Get-VMIntegrationService lists them).</summary>
    public static IReadOnlyList<IntegrationService> All { get; } =
    [
        // Hyper-V offers Guest Service Interface disabled by default. HyperNest keeps it enabled: Copy-VMFile
        // needs it, and scripts written for HyperNest before this service existed copy files without enabling it.
        new(GuestServiceInterface, EnabledByDefault: true, "Copy-VMFile through the guest agent (guest-file-*)"),
        new(Heartbeat, EnabledByDefault: true, "guest agent guest-ping"),
        new(KeyValuePairExchange, EnabledByDefault: true, "no key-value pool on Linux guests: only the guest's addresses (Get-VMNetworkAdapter IPAddresses) are exchanged"),
        new(Shutdown, EnabledByDefault: true, "guest agent guest-shutdown (Stop-VM)"),
        new(TimeSynchronization, EnabledByDefault: true, "guest agent guest-set-time after Start-VM restores a saved state and after Resume-VM"),
        new(Vss, EnabledByDefault: true, "no backup snapshots on HyperNest (Stop-VM -Save keeps memory and disks together instead)"),
    ];

    public static IntegrationService? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The VM's choice for <paramref name="name"/>, or the service's default when none is stored.</summary>
    public static bool IsEnabled(IReadOnlyDictionary<string, bool>? choices, string name) =>
        choices is not null && choices.TryGetValue(name, out var enabled) ? enabled : Find(name)!.EnabledByDefault;
}

/// <param name="LinuxMeaning">What the service does on HyperNest (its SecondaryStatusDescription).</param>
internal sealed record IntegrationService(string Name, bool EnabledByDefault, string LinuxMeaning);
