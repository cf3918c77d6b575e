using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// The cache key of a recipe: SHA-256 over an unambiguous encoding of every field that changes the
/// image (each value is length-prefixed, so moving text between fields changes the hash) and over
/// the content of every extra file.
/// </summary>
public static class RecipeHasher
{
    /// <summary>Lower-case hex SHA-256 of the recipe.</summary>
    public static string ComputeHash(ImageRecipe recipe)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Field(string tag, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tag}:{bytes.Length}:")));
            hash.AppendData(bytes);
        }

        Field("format", "hypernest-image-recipe/1");
        Field("name", recipe.Name);
        Field("suite", recipe.Suite);
        Field("kernel-package", recipe.KernelPackage);
        Field("salt", recipe.VersionSalt);
        Field("cmdline", recipe.KernelCommandLine);
        Field("initramfs-init", recipe.InitramfsInit);
        Field("free-space", recipe.FreeSpaceBytes.ToString(CultureInfo.InvariantCulture));
        foreach (var package in recipe.Packages)
        {
            Field("package", package);
        }

        foreach (var module in recipe.InitramfsModules)
        {
            Field("module", module);
        }

        foreach (var excluded in recipe.ExcludedPaths)
        {
            Field("exclude", excluded);
        }

        foreach (var file in recipe.GuestFiles)
        {
            Field("file-path", file.GuestPath);
            Field("file-mode", ((int)file.Mode).ToString(CultureInfo.InvariantCulture));
            Field("file-content", file.Content);
        }

        foreach (var link in recipe.GuestLinks)
        {
            Field("link-path", link.GuestPath);
            Field("link-target", link.Target);
        }

        foreach (var extra in recipe.ExtraFiles)
        {
            Field("extra-path", extra.GuestPath);
            Field("extra-mode", ((int)extra.Mode).ToString(CultureInfo.InvariantCulture));
            Field("extra-sha256", HashFileContent(extra.HostPath));
        }

        foreach (var nested in recipe.NestedImages)
        {
            Field("nested-image", nested.Name);
            Field("nested-hash", ComputeHash(nested));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string HashFileContent(string hostPath)
    {
        try
        {
            return FileContentHashes.Sha256Hex(hostPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HostException(
                $"The image recipe ships the host file '{hostPath}' into the guest, but that file does not exist. Build it first.",
                ErrorCategory.ObjectNotFound, "ImageExtraFileMissing", hostPath, e);
        }
    }
}
