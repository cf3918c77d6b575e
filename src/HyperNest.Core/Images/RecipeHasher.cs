using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HyperNest.Images;

/// <summary>
/// The cache key of a recipe: SHA-256 over an unambiguous encoding of every field that changes the
/// image (each value is length-prefixed, so moving text between fields changes the hash). Recipes
/// hold only text, so the hash depends on HyperNest's source, never on a HyperNest build.
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

        foreach (var nested in recipe.NestedImages)
        {
            Field("nested-image", nested.Name);
            Field("nested-hash", ComputeHash(nested));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
