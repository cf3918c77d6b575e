namespace HyperNest.Qemu;

/// <summary>
/// How a VM's QEMU is confined, as libvirt confines it (libvirt-qemu, -sandbox): QEMU starts as root only to
/// open the VM's disks, firmware, taps and sockets, then drops to an unprivileged user of its own (-runas,
/// which also leaves it no capabilities) before the guest runs a single instruction; a seccomp filter (-sandbox)
/// refuses obsolete system calls and changes to scheduling and resource limits. Files QEMU needs later (a
/// hot-plugged disk, a saved state) reach it as descriptors the host opened (<see cref="Qmp.QmpClient.AddFdAsync"/>).
/// </summary>
public static class QemuConfinement
{
    /// <summary>The user every VM's QEMU runs as; scripts/setup.sh creates it, the host guest image has it too.</summary>
    public const string UserName = "hypernest-qemu";

    /// <summary>
    /// QEMU's seccomp filter, libvirt's choice but for elevateprivileges: QEMU 7.2 installs the filter before
    /// -runas calls setgid/setuid, so denying them kills QEMU with SIGSYS at start (measured). After the drop
    /// QEMU has no capabilities and no_new_privs, so setuid can win nothing back. spawn=deny is why QEMU is
    /// not daemonized (-daemonize forks after the filter is in place).
    /// </summary>
    public const string SandboxOptions = "on,obsolete=deny,elevateprivileges=allow,spawn=deny,resourcecontrol=deny";

    /// <summary>QEMU from Debian's package, never whatever "qemu-system-x86_64" PATH finds first: the service runs as root.</summary>
    public const string Binary = "/usr/bin/qemu-system-x86_64";

    /// <summary>Whether <paramref name="userName"/> has an entry in the passwd file (QEMU looks it up with getpwnam).</summary>
    public static bool UserExists(string userName = UserName, string passwdFile = "/etc/passwd")
    {
        try
        {
            return File.ReadLines(passwdFile).Any(line => line.StartsWith(userName + ":", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The Start-VM error when the user is missing: what it is for and how to create it.</summary>
    public static string MissingUserMessage =>
        $"QEMU runs each VM as the unprivileged user '{UserName}' (as libvirt runs it as libvirt-qemu), and this machine has no such user. "
        + $"Create it with: useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin {UserName} (scripts/setup.sh does this).";
}
