using HyperNest.PowerShell.Hosting;
using System.Xml.Linq;

namespace HyperNest.PowerShell.Tests.Help;

/// <summary>One command's entry in the module's MAML help file.</summary>
internal sealed record MamlCommand(
    string Name,
    string Synopsis,
    string Description,
    IReadOnlyDictionary<string, string> ParameterDescriptions,
    IReadOnlyList<string> SyntaxItems,
    IReadOnlyList<string> ExampleCode);

/// <summary>
/// The module's help as PowerShell finds it: en-US/HyperNest.PowerShell.dll-Help.xml next to the module
/// (the build copies the committed file there). A syntax item is written as the ordinal-sorted list of its
/// parameters, each "Name(Mandatory,Position)", so it compares with a parameter set of Get-Command.
/// </summary>
internal static class MamlHelpFile
{
    public const string HowToFix =
        "Write the words in src/HyperNest.PowerShell/Help/<Command>.md, then run scripts/help/Build-Help.ps1 " +
        "(dotnet src/HyperNest.Cli/bin/Release/net10.0/hypernest.dll -NoProfile -File scripts/help/Build-Help.ps1) and rebuild.";

    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string FilePath => Path.Combine(Path.GetDirectoryName(ModuleLayout.Manifest(AppContext.BaseDirectory))!, "en-US", "HyperNest.PowerShell.dll-Help.xml");

    public static IReadOnlyDictionary<string, MamlCommand> Load()
    {
        Assert.True(File.Exists(FilePath), $"{FilePath} is missing. {HowToFix}");
        var document = XDocument.Load(FilePath);
        return document.Root!.Elements(Command + "command")
            .Select(Read)
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The signature of one parameter set, built the same way for Get-Command and for the MAML.</summary>
    public static string Signature(IEnumerable<(string Name, bool Mandatory, string Position)> parameters) =>
        string.Join(" ", parameters.Select(p => $"{p.Name}({p.Mandatory},{p.Position})").Order(StringComparer.Ordinal));

    private static MamlCommand Read(XElement command)
    {
        var details = command.Element(Command + "details")!;
        var parameters = command.Element(Command + "parameters")?.Elements(Command + "parameter") ?? [];
        var syntax = command.Element(Command + "syntax")?.Elements(Command + "syntaxItem") ?? [];
        var examples = command.Element(Command + "examples")?.Elements(Command + "example") ?? [];
        return new MamlCommand(
            Name: details.Element(Command + "name")!.Value.Trim(),
            Synopsis: Paragraphs(details.Element(Maml + "description")),
            Description: Paragraphs(command.Element(Maml + "description")),
            ParameterDescriptions: parameters.ToDictionary(
                p => p.Element(Maml + "name")!.Value.Trim(),
                p => Paragraphs(p.Element(Maml + "description")),
                StringComparer.Ordinal),
            SyntaxItems: syntax
                .Select(item => Signature(item.Elements(Command + "parameter").Select(p => (
                    p.Element(Maml + "name")!.Value.Trim(),
                    bool.Parse((string)p.Attribute("required")!),
                    (string)p.Attribute("position")!))))
                .Order(StringComparer.Ordinal)
                .ToList(),
            ExampleCode: examples.Select(e => e.Element(Dev + "code")?.Value.Trim() ?? "").ToList());
    }

    private static string Paragraphs(XElement? description) =>
        description is null ? "" : string.Join("\n", description.Elements(Maml + "para").Select(p => p.Value.Trim())).Trim();
}
