using System.Buffers.Binary;
using System.Net.Sockets;
using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>
/// "&lt;boot_id&gt;/netns-cookie:&lt;n&gt;". The namespace's inode number is not enough: the kernel hands a
/// freed inode number to the next namespace it creates, so a fresh namespace can look like the old one.
/// The netns cookie (SO_NETNS_COOKIE, Linux 5.14) is never reused within a boot; boot_id tells boots
/// apart. On older kernels the inode is the fallback.
/// </summary>
public static class NetworkNamespaceIdentity
{
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";
    private const string NamespaceLink = "/proc/self/ns/net";

    // SOL_SOCKET and SO_NETNS_COOKIE from <asm-generic/socket.h>.
    private const int SolSocket = 1;
    private const int SoNetnsCookie = 71;

    public static string Current()
    {
        try
        {
            var bootId = File.ReadAllText(BootIdPath).Trim();
            return $"{bootId}/{Cookie() ?? new FileInfo(NamespaceLink).LinkTarget ?? throw new NetworkBackendException($"{NamespaceLink} is not a link.")}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NetworkBackendException($"Could not identify the boot and network namespace: {e.Message}", e);
        }
    }

    private static string? Cookie()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Span<byte> value = stackalloc byte[8];
            return socket.GetRawSocketOption(SolSocket, SoNetnsCookie, value) == 8
                ? $"netns-cookie:{BinaryPrimitives.ReadUInt64LittleEndian(value)}"
                : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
