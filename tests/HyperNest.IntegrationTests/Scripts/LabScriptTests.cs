using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using HyperNest.Hosting;
using HyperNest.PowerShell.Hosting;

namespace HyperNest.IntegrationTests.Scripts;

/// <summary>
/// Lab scripts written in ordinary PowerShell (param blocks, functions, splatting, loops, switch,
/// try/catch/finally, Where-Object script blocks, calculated properties …) run whole, the same file
/// through `hypernest -File` and through a plain runspace that does Import-Module on the manifest.
/// </summary>
public sealed class LabScriptTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-script-").FullName;

    private static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void LabScript_ThroughHypernestFile_RunsWholeWithPowerShellSemantics()
    {
        var outcome = CliRunner.Run(_home, "-NoProfile", "-File", ScriptPath("lab-script.ps1"), "-Prefix", "file", "-Count", "3");

        Assert.True(outcome.ExitCode == 0, outcome.Errors + outcome.Output);
        Assert.Contains("lab file ready", outcome.Output);
        AssertSummary(outcome.Output.Trim().Split('\n')[^1], "file");
    }

    [Fact]
    public void LabScript_ThroughImportModuleInAPlainRunspace_GivesTheSameSummary()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault());
        runspace.Open();
        HostConnection.Attach(runspace, HostFactory.Create(new HostPaths(_home, HostPaths.FromEnvironment().Cache) { ResolverConfiguration = Path.Combine(_home, "resolv.conf") }));
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        shell.AddScript("param($manifest, $script) Import-Module $manifest; & $script -Prefix rs -Count 3")
            .AddArgument(ModuleLayout.Manifest(AppContext.BaseDirectory))
            .AddArgument(ScriptPath("lab-script.ps1"));

        var output = shell.Invoke();

        Assert.False(shell.HadErrors, string.Join('\n', shell.Streams.Error));
        AssertSummary((string)output[^1].BaseObject, "rs");
    }

    [Fact]
    public void ReadHost_FromRedirectedInput_TakesTheAnswer()
    {
        var outcome = CliRunner.RunWithInput(_home, "answered-vm\n", "-NoProfile", "-File", ScriptPath("read-host.ps1"));

        Assert.True(outcome.ExitCode == 0, outcome.Errors);
        Assert.Contains("answered-vm", outcome.Output);
    }

    [Fact]
    public void ScriptArguments_MissingMandatory_FailsWithPowerShellsBindingError()
    {
        var outcome = CliRunner.RunWithInput(_home, "", "-NoProfile", "-NonInteractive", "-File", ScriptPath("lab-script.ps1"));

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("Prefix", outcome.Errors);
    }

    private static void AssertSummary(string json, string prefix)
    {
        using var summary = JsonDocument.Parse(json);
        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("Created").GetInt32());
        Assert.Equal(3, root.GetProperty("Off").GetInt32());
        Assert.Equal("many", root.GetProperty("Kinds").GetString());
        Assert.True(root.GetProperty("Missing").GetBoolean());
        Assert.True(root.GetProperty("SilentlyFailed").GetBoolean());
        Assert.Equal("InvalidParameter|InvalidArgument", root.GetProperty("Caught").GetString());
        Assert.True(root.GetProperty("FinallyRan").GetBoolean());
        Assert.Equal($"lab failure {prefix}", root.GetProperty("Thrown").GetString());
        Assert.Equal(4, root.GetProperty("Ticks").GetInt32());
        Assert.True(root.GetProperty("Nested").GetBoolean());
        Assert.Equal([256, 512, 256], root.GetProperty("MemoryMB").EnumerateArray().Select(m => m.GetInt32()));
        Assert.True(root.GetProperty("Contains").GetBoolean());
        Assert.Equal(0, root.GetProperty("Left").GetInt32());
    }
}
