using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Help;

/// <summary>
/// scripts/help/Build-Help.ps1 -Check, run in a runspace with the module imported: the committed MAML is
/// exactly what the Markdown pages and the cmdlets' parameters produce now, so an edited page that was not
/// rebuilt fails as surely as a new parameter without words.
/// </summary>
public sealed class BuildHelpScriptTests
{
    [Fact]
    public void BuildHelpCheck_CommittedMaml_MatchesThePagesAndTheCmdlets()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "help", "Build-Help.ps1");
        var (host, _) = NetworkHostRecorder.Create();
        using var session = new PowerShellSession(host);

        var output = session.Invoke($"& '{script.Replace("'", "''", StringComparison.Ordinal)}' -Check -WarningAction SilentlyContinue; \"exit $LASTEXITCODE\"")
            .Select(o => o.BaseObject?.ToString() ?? "")
            .ToList();

        var report = string.Join("\n", output.Concat(session.Errors.Select(e => e.ToString())));
        Assert.True(output.LastOrDefault() == "exit 0", $"{report}\n{MamlHelpFile.HowToFix}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperNest.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HyperNest.slnx above {AppContext.BaseDirectory}: these tests run from the repository's build output.");
    }
}
