namespace HyperNest.IntegrationTests;

/// <summary>The network devices of the test's namespace.</summary>
internal static class NetworkDevices
{
    /// <summary>From /proc/self/net/dev: /sys/class/net shows the namespace of whoever mounted /sys.</summary>
    public static IReadOnlyList<string> InThisNamespace() =>
        File.ReadLines("/proc/self/net/dev").Skip(2).Select(line => line.Split(':')[0].Trim()).ToList();
}
