namespace HyperNest.Platform;

/// <summary>
/// Modes for what holds guests' data or names (the home, the store, disks, a VM's runtime directory and UEFI
/// variables): owner-only, whatever the
/// umask, so no other local user reads a guest's disk or takes a lock (libvirt keeps its own the same way).
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute;

    /// <summary>Creates the directory 0700 if missing; when <paramref name="tightenExisting"/>, an existing one becomes 0700 too.</summary>
    public static void Directory(string path, bool tightenExisting)
    {
        if (OperatingSystem.IsWindows())
        {
            throw Unsupported();
        }

        var existed = System.IO.Directory.Exists(path);
        System.IO.Directory.CreateDirectory(path, DirectoryMode);
        if (existed && tightenExisting)
        {
            File.SetUnixFileMode(path, DirectoryMode);
        }
    }

    /// <summary>Makes an existing file 0600.</summary>
    public static void ExistingFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw Unsupported();
        }

        File.SetUnixFileMode(path, FileMode);
    }

    /// <summary>Creates an empty 0600 file unless one is there, so a program that opens it next keeps that mode.</summary>
    public static void EmptyFileIfMissing(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw Unsupported();
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone made it first: the caller tightens existing files itself.
        }
    }

    /// <summary>Creates (or empties) a 0600 file and opens it for writing.</summary>
    public static FileStream CreateForWriting(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw Unsupported();
        }

        var stream = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, UnixCreateMode = FileMode });
        // A file that was there keeps its mode through FileMode.Create.
        File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        return stream;
    }

    private static PlatformNotSupportedException Unsupported() => new("HyperNest runs on Linux only");
}
