using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace HyperNest.Cli;

/// <summary>
/// Microsoft's documents write values to fill in as &lt;VMName&gt;. Pasted as they are, PowerShell's
/// parser stops at the '&lt;' with "The '&lt;' operator is reserved for future use", which does not say
/// what to do. Before the engine runs a -Command or -File script, this finds such parse errors (with
/// PowerShell's own parser) and names the placeholder instead.
/// </summary>
internal static partial class DocumentPlaceholders
{
    /// <summary>The error text for the first placeholder in <paramref name="script"/>, or null when there is none.</summary>
    public static string? Find(string script)
    {
        Parser.ParseInput(script, out _, out var errors);
        foreach (var error in errors)
        {
            if (error.ErrorId != "RedirectionNotSupported")
            {
                continue;
            }

            var line = error.Extent.StartScriptPosition.Line;
            var rest = line[Math.Min(error.Extent.StartColumnNumber - 1, line.Length)..];
            if (Placeholder().Match(rest) is { Success: true } match)
            {
                return $"At line:{error.Extent.StartLineNumber} char:{error.Extent.StartColumnNumber}: '{match.Value}' is a placeholder from the documentation: "
                    + $"replace it with a real value (for example -VMName L1 instead of -VMName {match.Value}); Get-VM lists the virtual machines.";
            }
        }

        return null;
    }

    /// <summary>The script a pwsh command line runs with -c/-Command or -File, or null (interactive, other modes).</summary>
    public static string? ScriptOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            switch (args[i].ToLowerInvariant())
            {
                case "-c" or "-command" or "--command":
                    return string.Join(' ', args.Skip(i + 1));
                case "-f" or "-file" or "--file":
                    return File.Exists(args[i + 1]) ? File.ReadAllText(args[i + 1]) : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^<[A-Za-z][\w .-]*>")]
    private static partial Regex Placeholder();
}
