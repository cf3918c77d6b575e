using System.Text.RegularExpressions;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Lines copied from documents sometimes lose their line breaks, so two commands arrive as one
/// ("New-VMSwitch -Name VmNAT -SwitchType Internal New-NetNat -Name LocalNAT"). When binding fails
/// and an argument is a command name, the error says so.
/// </summary>
internal static partial class RunTogetherCommands
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Add", "Checkpoint", "Clear", "Connect", "Convert", "ConvertFrom", "ConvertTo", "Copy", "Disable", "Disconnect",
        "Dismount", "Enable", "Enter", "Export", "ForEach", "Format", "Get", "Import", "Install", "Invoke", "Measure",
        "Mount", "Move", "New", "Optimize", "Out", "Register", "Remove", "Rename", "Resize", "Restart", "Resume", "Save",
        "Select", "Set", "Sort", "Start", "Stop", "Suspend", "Test", "Unregister", "Update", "Wait", "Where", "Write",
    };

    private static readonly HashSet<string> BindingErrorIds = new(StringComparer.Ordinal)
    {
        "PositionalParameterNotFound", "ParameterAlreadyBound", "NamedParameterNotFound", "AmbiguousParameterSet", "AmbiguousParameter",
    };

    [GeneratedRegex(@"^(?<verb>[A-Za-z]+)-[A-Za-z]{2,}$")]
    private static partial Regex CommandShape();

    /// <summary>The error with a hint appended when one of the arguments looks like the start of another command.</summary>
    public static ErrorRecord AddHint(ErrorRecord record, IReadOnlyList<CommandArgument> arguments, CommandTable commands)
    {
        if (!BindingErrorIds.Contains(record.ErrorId))
        {
            return record;
        }

        var command = arguments.FirstOrDefault(a => a.ParameterName is null && a.Value is string text && LooksLikeCommand(text, commands));
        if (command is null)
        {
            return record;
        }

        return record with
        {
            Message = $"{record.Message} '{command.Value}' looks like the start of another command: put it on its own line or separate the commands with ';'.",
            Extent = command.Extent,
        };
    }

    private static bool LooksLikeCommand(string text, CommandTable commands)
    {
        if (commands.Find(text) is not null)
        {
            return true;
        }

        var match = CommandShape().Match(text);
        return match.Success && Verbs.Contains(match.Groups["verb"].Value);
    }
}
