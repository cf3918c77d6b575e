using System.Runtime.InteropServices;

namespace HyperNest.Interop;

internal static partial class LibC
{
    // <bits/socket.h>, <asm-generic/socket.h>
    private const int SOL_SOCKET = 1;
    private const int SCM_RIGHTS = 1;
    private const int MSG_DONTWAIT = 0x40;
    private const int MSG_NOSIGNAL = 0x4000;

    // <asm-generic/errno-base.h>
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr; sequential layout gives the padding after msg_namelen that 64-bit ABIs have.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport(Library, EntryPoint = "sendmsg", SetLastError = true)]
    private static unsafe partial nint SendMessage(SafeHandle socket, MessageHeader* message, int flags);

    /// <summary>
    /// sendmsg(2) of <paramref name="data"/> with one descriptor attached as SCM_RIGHTS, without blocking and
    /// without SIGPIPE: how QMP's getfd and add-fd receive a file QEMU could not open itself. The descriptor
    /// travels with the first byte, so a partial send still delivered it.
    /// </summary>
    /// <returns>The bytes sent, or minus the errno (EAGAIN when the socket's buffer is full).</returns>
    internal static unsafe nint SendWithDescriptor(SafeHandle socket, ReadOnlySpan<byte> data, SafeHandle descriptor)
    {
        // CMSG_SPACE(sizeof(int)) on 64-bit: a 16-byte cmsghdr and the int padded to 8.
        const int controlBytes = 24;
        var added = false;
        descriptor.DangerousAddRef(ref added);
        try
        {
            fixed (byte* bytes = data)
            {
                var iov = new IoVec { Base = bytes, Length = (nuint)data.Length };
                var control = stackalloc byte[controlBytes];
                new Span<byte>(control, controlBytes).Clear();
                *(nuint*)control = 16 + sizeof(int); // cmsg_len = CMSG_LEN(sizeof(int))
                *(int*)(control + 8) = SOL_SOCKET;
                *(int*)(control + 12) = SCM_RIGHTS;
                *(int*)(control + 16) = (int)descriptor.DangerousGetHandle();
                var message = new MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = controlBytes };
                var sent = SendMessage(socket, &message, MSG_DONTWAIT | MSG_NOSIGNAL);
                return sent >= 0 ? sent : -Marshal.GetLastPInvokeError();
            }
        }
        finally
        {
            if (added)
            {
                descriptor.DangerousRelease();
            }
        }
    }
}
