using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

[Cmdlet("Get", "Command", Synopsis = "Lists the cmdlets this shell knows, optionally matching a name pattern such as *-VM*.")]
public sealed class GetCommandCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    protected internal override void EndProcessing()
    {
        var patterns = (Name ?? ["*"]).Select(n => new WildcardPattern(n)).ToList();
        var cmdlets = Session.Commands.Cmdlets.Where(c => patterns.Exists(p => p.IsMatch(c.Name))).ToList();
        if (cmdlets.Count == 0 && Name is { Length: > 0 } && !Name.Any(WildcardPattern.ContainsWildcards))
        {
            ThrowTerminatingError(new ErrorRecord(
                $"The term '{Name[0]}' is not recognized as a name of a cmdlet.",
                Hosting.ErrorCategory.ObjectNotFound,
                "CommandNotFoundException",
                Name[0]));
        }

        foreach (var cmdlet in cmdlets)
        {
            WriteObject(new CommandInfo("Cmdlet", cmdlet.Name, cmdlet.Synopsis));
        }
    }
}
