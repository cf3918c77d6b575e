using System.Collections;
using System.Management.Automation;
using System.Xml.Linq;
using HyperNest.PowerShell.Cmdlets;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Module;

/// <summary>The module's lists that must follow the code: the exported cmdlets, and the enums remoting sends by name.</summary>
public sealed class ManifestListsTests
{
    private static string ModuleFolder => Path.GetDirectoryName(PowerShellSession.ModuleManifest)!;

    [Fact]
    public void CmdletsToExport_ListsEveryCmdletOfTheAssembly_SoAutoloadingFindsThem()
    {
        var manifest = (Hashtable)System.Management.Automation.PowerShell.Create().AddScript($"Import-PowerShellDataFile '{PowerShellSession.ModuleManifest}'").Invoke()[0].BaseObject;
        var listed = ((object[])manifest["CmdletsToExport"]!).Cast<string>().Order(StringComparer.Ordinal);

        var cmdlets = typeof(HyperNestCmdlet).Assembly.GetTypes()
            .Select(type => type.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().SingleOrDefault())
            .OfType<CmdletAttribute>()
            .Select(cmdlet => $"{cmdlet.VerbName}-{cmdlet.NounName}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(cmdlets, listed);
    }

    [Fact]
    public void TypesFile_SendsEveryModelEnumByName()
    {
        var listed = XDocument.Load(Path.Combine(ModuleFolder, "HyperNest.types.ps1xml")).Descendants("Type").Select(t => (string)t.Element("Name")!).Order(StringComparer.Ordinal);

        var enums = typeof(Model.VmState).Assembly.GetTypes()
            .Where(type => type.IsEnum && type.IsPublic && type.Namespace == typeof(Model.VmState).Namespace)
            .Select(type => type.FullName!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(enums, listed);
    }
}
