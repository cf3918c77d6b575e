namespace HyperNest.PowerShell.Hosting;

/// <summary>Where the module's files sit in a build or install of HyperNest (see HyperNest.PowerShell.csproj).</summary>
public static class ModuleLayout
{
    /// <summary>The manifest, relative to the folder of HyperNest.PowerShell.dll (and of the hypernest executable).</summary>
    public const string ManifestRelativePath = "Modules/HyperNest/HyperNest.psd1";

    /// <summary>The manifest under <paramref name="folder"/> (AppContext.BaseDirectory in the host and the tests).</summary>
    public static string Manifest(string folder) => Path.Combine(folder, ManifestRelativePath);
}
