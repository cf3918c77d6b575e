using System.Text;
using HyperNest.Hosting;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Get", "Help", Synopsis = "Shows a cmdlet's synopsis, syntax per parameter set, and parameters.")]
public sealed class GetHelpCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    protected internal override void EndProcessing()
    {
        if (Name is null)
        {
            WriteObject(new FormattedText("\nType 'Get-Help <cmdlet>' for a cmdlet's syntax, or 'Get-Command' to list the cmdlets.\n\n"));
            return;
        }

        var cmdlet = Session.Commands.Find(Name) ?? ThrowNotFound(Name);
        WriteObject(new FormattedText(Describe(cmdlet)));
    }

    private CmdletInfo ThrowNotFound(string name) =>
        throw new ShellException(new ErrorRecord(
            $"Get-Help could not find {name} in a help file in this session. Use Get-Command to list the cmdlets.",
            ErrorCategory.ResourceUnavailable,
            "HelpNotFound",
            name,
            CommandName));

    private static string Describe(CmdletInfo cmdlet)
    {
        var text = new StringBuilder("\nNAME\n    ").Append(cmdlet.Name).Append("\n\n");
        if (cmdlet.Synopsis is { } synopsis)
        {
            text.Append("SYNOPSIS\n    ").Append(synopsis).Append("\n\n");
        }

        text.Append("SYNTAX\n");
        foreach (var line in SyntaxBuilder.Lines(cmdlet))
        {
            text.Append("    ").Append(line).Append("\n\n");
        }

        if (cmdlet.Parameters.Count > 0)
        {
            text.Append("PARAMETERS\n");
            foreach (var parameter in cmdlet.Parameters)
            {
                text.Append("    -").Append(parameter.Name).Append(" <").Append(TypeNames.Friendly(parameter.Type)).Append(">\n");
                var help = parameter.Sets.Values.Select(a => a.HelpMessage).FirstOrDefault(m => m is not null);
                if (help is not null)
                {
                    text.Append("        ").Append(help).Append('\n');
                }

                if (parameter.Aliases.Count > 0)
                {
                    text.Append("        Aliases: ").Append(string.Join(", ", parameter.Aliases)).Append('\n');
                }

                if (parameter.TakesPipelineInput)
                {
                    text.Append("        Accepts pipeline input: ").Append(PipelineText(parameter)).Append('\n');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string PipelineText(ParameterMetadata parameter)
    {
        var ways = new List<string>();
        if (parameter.Sets.Values.Any(a => a.ValueFromPipeline))
        {
            ways.Add("ByValue");
        }

        if (parameter.Sets.Values.Any(a => a.ValueFromPipelineByPropertyName))
        {
            ways.Add("ByPropertyName");
        }

        return $"True ({string.Join(", ", ways)})";
    }
}
