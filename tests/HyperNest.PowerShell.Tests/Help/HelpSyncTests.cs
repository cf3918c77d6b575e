using System.Management.Automation;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Help;

/// <summary>
/// The committed MAML help against the module as it is now: a cmdlet or parameter added without help, or
/// a parameter set changed since the help was built, fails here with what to run.
/// </summary>
public sealed class HelpSyncTests : IDisposable
{
    // Each exported command (the cmdlets and the Invoke-Command proxy) with its parameters and parameter
    // sets as Get-Command sees them. -WhatIf/-Confirm stay: the help lists them as platyPS does.
    private const string CommandsScript = """
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        Get-Command -Module HyperNest -CommandType Cmdlet, Function | ForEach-Object {
            [pscustomobject]@{
                Name = $_.Name
                Parameters = [string[]]@($_.Parameters.Keys | Where-Object { $_ -notin $common })
                Sets = [string[]]@($_.ParameterSets | ForEach-Object {
                    (@($_.Parameters | Where-Object Name -notin $common | ForEach-Object {
                        '{0}|{1}|{2}' -f $_.Name, $_.IsMandatory, ($_.Position -lt 0 ? 'named' : $_.Position)
                    }) -join ';')
                })
            }
        }
        """;

    private readonly PowerShellSession _session;

    public HelpSyncTests()
    {
        var (host, _) = NetworkHostRecorder.Create();
        _session = new PowerShellSession(host);
    }

    [Fact]
    public void MamlHelp_EveryExportedCommand_HasSynopsisDescriptionExampleAndEveryParameterDescribed()
    {
        var help = MamlHelpFile.Load();
        var problems = new List<string>();

        foreach (var command in ExportedCommands())
        {
            if (!help.TryGetValue(command.Name, out var entry))
            {
                problems.Add($"{command.Name} has no help.");
                continue;
            }

            if (entry.Synopsis.Length == 0)
            {
                problems.Add($"{command.Name} has no synopsis.");
            }

            if (entry.Description.Length == 0)
            {
                problems.Add($"{command.Name} has no description.");
            }

            if (!entry.ExampleCode.Any(code => code.Length > 0))
            {
                problems.Add($"{command.Name} has no example.");
            }

            foreach (var parameter in command.Parameters)
            {
                if (!entry.ParameterDescriptions.TryGetValue(parameter, out var description))
                {
                    problems.Add($"{command.Name} -{parameter} is not in the help.");
                }
                else if (description.Length == 0)
                {
                    problems.Add($"{command.Name} -{parameter} has no description.");
                }
            }

            foreach (var parameter in entry.ParameterDescriptions.Keys.Except(command.Parameters, StringComparer.Ordinal))
            {
                problems.Add($"The help of {command.Name} describes -{parameter}, which {command.Name} does not have.");
            }

            if (!entry.SyntaxItems.SequenceEqual(command.SyntaxItems))
            {
                problems.Add($"The syntax in the help of {command.Name} differs from its parameter sets (Get-Command {command.Name} -Syntax).");
            }
        }

        Assert.True(problems.Count == 0, $"The module's help is out of date:\n  {string.Join("\n  ", problems)}\n{MamlHelpFile.HowToFix}");
    }

    [Fact]
    public void GetHelp_EveryExportedCommand_ReadsTheSynopsisFromTheModulesMaml()
    {
        var help = MamlHelpFile.Load();
        var problems = new List<string>();

        foreach (var command in ExportedCommands().Where(c => help.ContainsKey(c.Name)))
        {
            // Module-qualified: while the module is loaded, plain "Invoke-Command" also names PowerShell's own cmdlet.
            var shown = _session.Invoke($"(Get-Help -Name 'HyperNest\\{command.Name}').Synopsis").Select(o => o.BaseObject as string).SingleOrDefault()?.Trim();
            if (shown != help[command.Name].Synopsis)
            {
                problems.Add($"Get-Help {command.Name} shows \"{shown}\", not the synopsis of the MAML file.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public void Dispose() => _session.Dispose();

    private List<ExportedCommand> ExportedCommands()
    {
        var commands = _session.Invoke(CommandsScript)
            .Select(o => new ExportedCommand(
                (string)o.Properties["Name"].Value,
                (string[])o.Properties["Parameters"].Value,
                ((string[])o.Properties["Sets"].Value)
                    .Select(set => MamlHelpFile.Signature(set.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ParseParameter)))
                    .Order(StringComparer.Ordinal)
                    .ToList()))
            .ToList();
        Assert.Contains(commands, c => c.Name == "New-VM");
        Assert.Contains(commands, c => c.Name == "Invoke-Command");
        return commands;
    }

    private static (string Name, bool Mandatory, string Position) ParseParameter(string text)
    {
        var parts = text.Split('|');
        return (parts[0], bool.Parse(parts[1]), parts[2]);
    }

    private sealed record ExportedCommand(string Name, string[] Parameters, IReadOnlyList<string> SyntaxItems);
}
