namespace HyperNest.Hosting;

/// <summary>
/// Where HyperNest keeps things. HYPERNEST_HOME (default /var/lib/hypernest) holds the state store, VM
/// disks and the root-only runtime directory; HYPERNEST_CACHE (default /var/cache/hypernest) holds built
/// images, so a fresh HYPERNEST_HOME (as every test uses) does not rebuild them.
/// </summary>
public sealed record HostPaths(string Home, string Cache)
{
    public const string DefaultHome = "/var/lib/hypernest";
    public const string DefaultCache = "/var/cache/hypernest";

    public const string DefaultResolverConfiguration = "/etc/resolv.conf";

    public static HostPaths FromEnvironment() => new(
        Environment.GetEnvironmentVariable("HYPERNEST_HOME") is { Length: > 0 } home ? Path.GetFullPath(home) : DefaultHome,
        Environment.GetEnvironmentVariable("HYPERNEST_CACHE") is { Length: > 0 } cache ? Path.GetFullPath(cache) : DefaultCache)
    {
        ResolverConfiguration = Environment.GetEnvironmentVariable("HYPERNEST_RESOLV_CONF") is { Length: > 0 } resolv ? Path.GetFullPath(resolv) : DefaultResolverConfiguration,
    };

    /// <summary>
    /// The file the DNS cmdlets (netsh … dnsserver, Set-DnsClientServerAddress) write. HYPERNEST_RESOLV_CONF
    /// moves it: network namespaces share the machine's /etc, so tests point it elsewhere.
    /// </summary>
    public string ResolverConfiguration { get; init; } = DefaultResolverConfiguration;

    public string StateDatabase => Path.Combine(Home, "state.db");

    /// <summary>Sockets, pid files and console logs, one directory per VM id (mode 0700).</summary>
    public string RuntimeRoot => Path.Combine(Home, "run");

    /// <summary>Disks and saved state HyperNest creates for VMs, one directory per VM id.</summary>
    public string VmRoot => Path.Combine(Home, "vms");

    public string RuntimeDirectory(Guid vmId) => Path.Combine(RuntimeRoot, vmId.ToString("D"));

    public string VmDirectory(Guid vmId) => Path.Combine(VmRoot, vmId.ToString("D"));

    /// <summary>Where a VM's own files live: the folder New-VM -Path chose, else its folder under the home.</summary>
    public string VmDirectory(State.VmRecord vm) => vm.Folder ?? VmDirectory(vm.Id);

    /// <summary>
    /// A short tag of the home's path, for names every home on the machine shares a space for (nft tables, cgroups):
    /// two homes (tests, a second HYPERNEST_HOME) each own theirs, so one home never replaces or removes the other's.
    /// </summary>
    public static string HomeTag(string home)
    {
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(home))));
        return Convert.ToHexStringLower(digest.AsSpan(0, 4));
    }
}
