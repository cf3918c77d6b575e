namespace HyperNest.Qemu;

/// <summary>Debian's firmware files (packages ovmf and seabios).</summary>
public static class QemuFirmware
{
    /// <summary>The 4 MiB OVMF build without Secure Boot, so it needs no SMM (-machine smm=on).</summary>
    public const string OvmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";

    /// <summary>The pristine UEFI variable store; every generation 2 VM gets its own writable copy.</summary>
    public const string OvmfVarsTemplate = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    /// <summary>Copies the variable store template for a new generation 2 VM (never overwrites an existing one).</summary>
    public static void CreateVarsFile(string destination)
    {
        File.Copy(OvmfVarsTemplate, destination, overwrite: false);
        Platform.OwnerOnly.ExistingFile(destination);
    }
}
