using System.Net;
using System.Net.Sockets;
using HyperNest.Hosting;
using Tmds.DBus.Protocol;

namespace HyperNest.Network.Linux;

/// <summary>
/// systemd-resolved's per-link DNS through its D-Bus API (org.freedesktop.resolve1.Manager SetLinkDNS and
/// RevertLink), as resolvectl and NetworkManager set it. Used only when resolved runs in this process's
/// network namespace: the system bus is shared by every namespace of the machine (its socket is a path),
/// and a link index names another link in another namespace.
/// </summary>
public sealed class ResolvedLinkDns : ILinkDns, IDisposable
{
    private const string Resolve1 = "org.freedesktop.resolve1";
    private const string Resolve1Path = "/org/freedesktop/resolve1";
    private const string ManagerInterface = "org.freedesktop.resolve1.Manager";
    private const string Bus = "org.freedesktop.DBus";
    private const string BusPath = "/org/freedesktop/DBus";

    // AF_INET and AF_INET6 as resolved's a(iay) takes them.
    private const int AfInet = 2;
    private const int AfInet6 = 10;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly DBusConnection _bus;

    private ResolvedLinkDns(DBusConnection bus) => _bus = bus;

    /// <summary>
    /// resolved on the system bus (DBUS_SYSTEM_BUS_ADDRESS, else /run/dbus/system_bus_socket) if it runs in
    /// this network namespace; null when there is no bus, no resolved on it, or resolved serves another
    /// namespace's links.
    /// </summary>
    public static ResolvedLinkDns? InThisNamespace()
    {
        if (DBusAddress.System is not { } address)
        {
            return null;
        }

        var bus = new DBusConnection(address);
        try
        {
            Wait(bus.ConnectAsync().AsTask());
            var owner = Wait(bus.CallMethodAsync(Call(bus, Bus, BusPath, Bus, "GetNameOwner", Resolve1), (Message m, object? _) => m.GetBodyReader().ReadString(), null));
            var pid = Wait(bus.CallMethodAsync(Call(bus, Bus, BusPath, Bus, "GetConnectionUnixProcessID", owner), (Message m, object? _) => m.GetBodyReader().ReadUInt32(), null));
            if (NamespaceOf($"/proc/{pid}/ns/net") is { } theirs && theirs == NamespaceOf("/proc/self/ns/net"))
            {
                return new ResolvedLinkDns(bus);
            }
        }
        catch (Exception ex) when (ex is DBusExceptionBase or SocketException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            // No bus (the machine runs no D-Bus), or no resolved on it: the resolver file it is.
        }

        bus.Dispose();
        return null;
    }

    public void SetServers(int ifIndex, IReadOnlyList<IPAddress> servers) =>
        Act($"set the DNS servers of link {ifIndex} to {string.Join(", ", servers)}", () => _bus.CallMethodAsync(SetLinkDns(_bus, ifIndex, servers)));

    public void Revert(int ifIndex) =>
        Act($"revert the DNS settings of link {ifIndex}", () => _bus.CallMethodAsync(RevertLink(_bus, ifIndex)));

    public void Dispose() => _bus.Dispose();

    private static void Act(string what, Func<Task> call)
    {
        try
        {
            Wait(call());
        }
        catch (DBusErrorReplyException ex)
        {
            throw new NetworkBackendException(
                $"systemd-resolved refused to {what}: {ex.ErrorName}: {ex.Message}" +
                (ex.ErrorName.Contains("AccessDenied", StringComparison.Ordinal) || ex.ErrorName.Contains("Authorization", StringComparison.Ordinal) ? " Run HyperNest as root." : ""),
                ex);
        }
        catch (Exception ex) when (ex is DBusExceptionBase or SocketException or IOException or TimeoutException)
        {
            throw new NetworkBackendException($"Could not ask systemd-resolved to {what}: {ex.Message}", ex);
        }
    }

    private static void Wait(Task task) => task.WaitAsync(CallTimeout).GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> task) => task.WaitAsync(CallTimeout).GetAwaiter().GetResult();

    /// <summary>"net:[inode]": two namespaces alive at once are the same exactly when their inodes are.</summary>
    private static string? NamespaceOf(string link) => new FileInfo(link).LinkTarget;

    private static MessageBuffer Call(DBusConnection bus, string destination, string path, string @interface, string member, string argument)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(destination, path, @interface, member, "s", MessageFlags.None);
        writer.WriteString(argument);
        return writer.CreateMessage();
    }

    private static MessageBuffer SetLinkDns(DBusConnection bus, int ifIndex, IReadOnlyList<IPAddress> servers)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Resolve1, Resolve1Path, ManagerInterface, "SetLinkDNS", "ia(iay)", MessageFlags.None);
        writer.WriteInt32(ifIndex);
        var array = writer.WriteArrayStart(DBusType.Struct);
        foreach (var server in servers)
        {
            writer.WriteStructureStart();
            writer.WriteInt32(server.AddressFamily == AddressFamily.InterNetwork ? AfInet : AfInet6);
            writer.WriteArray(server.GetAddressBytes());
        }

        writer.WriteArrayEnd(array);
        return writer.CreateMessage();
    }

    private static MessageBuffer RevertLink(DBusConnection bus, int ifIndex)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Resolve1, Resolve1Path, ManagerInterface, "RevertLink", "i", MessageFlags.None);
        writer.WriteInt32(ifIndex);
        return writer.CreateMessage();
    }
}
