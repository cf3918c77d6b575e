namespace HyperNest.Tests.Images;

/// <summary>A stand-in for a published HyperNest folder: the executable, its entry assembly, a module manifest and a subfolder.</summary>
internal static class PublishedFolder
{
    public static string Create(string parent, string name = "hypernest")
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(Path.Combine(folder, "ref"));
        File.WriteAllText(Path.Combine(folder, "hypernest"), "#!/bin/sh\necho stand-in hypernest\n");
        File.WriteAllText(Path.Combine(folder, "hypernest.dll"), "entry assembly");
        File.WriteAllText(Path.Combine(folder, "HyperNest.psd1"), "@{ ModuleVersion = '0.1' }");
        File.WriteAllText(Path.Combine(folder, "ref", "System.Runtime.dll"), "reference assembly");
        return folder;
    }
}
