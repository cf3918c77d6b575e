namespace HyperNest.Images;

/// <summary>Writes the recipe's own files and links into a bootstrapped guest root.</summary>
internal static class GuestFileInstaller
{
    public static void Install(ImageRecipe recipe, string rootDir)
    {
        foreach (var file in recipe.GuestFiles)
        {
            var hostPath = PrepareTarget(rootDir, file.GuestPath);
            File.WriteAllText(hostPath, file.Content);
            SetMode(hostPath, file.Mode);
        }

        foreach (var link in recipe.GuestLinks)
        {
            var hostPath = PrepareTarget(rootDir, link.GuestPath);
            File.CreateSymbolicLink(hostPath, link.Target);
        }
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        // Guest images are Linux-only; the guard is what the platform analyzer (CA1416) accepts.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Guest images are built on Linux hosts only.");
        }
        else
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static string PrepareTarget(string rootDir, string guestPath)
    {
        var hostPath = GuestPath.Resolve(rootDir, guestPath);
        Directory.CreateDirectory(Path.GetDirectoryName(hostPath)!);
        var existing = new FileInfo(hostPath);
        if (existing.Exists || existing.LinkTarget is not null)
        {
            existing.Delete();
        }

        return hostPath;
    }
}
