namespace HyperNest.Qemu;

/// <summary>
/// Migration URIs that save a VM's state to a file and load it back. QEMU 7.2 lacks the "file:" URI
/// (added in 8.2), so the state goes through "exec:", which QEMU runs with /bin/sh -c; the path is
/// therefore limited to shell-inert characters.
/// </summary>
public static class QemuMigrationUri
{
    public static string SaveTo(string stateFile)
    {
        QemuArgumentSafety.RequireShellInertPath(stateFile, "saved-state file");
        return "exec:cat > " + stateFile;
    }

    public static string LoadFrom(string stateFile)
    {
        QemuArgumentSafety.RequireShellInertPath(stateFile, "saved-state file");
        return "exec:cat " + stateFile;
    }
}
