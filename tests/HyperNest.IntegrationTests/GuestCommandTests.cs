using System.Diagnostics;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// PowerShell Direct and Copy-VMFile through cmdlets against the real tiny image under TCG: the file
/// arrives, the guest's own HyperNest shell runs the script, and a failing script fails the statement.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class GuestCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void CopyVmFile_ThenInvokeCommandCat_ReturnsTheHostFilesContent()
    {
        var name = IsolatedHost.UniqueName("direct");
        var source = Path.Combine(_lab.Home, "payload.txt");
        var content = $"copied from the host {Guid.NewGuid()}";
        File.WriteAllText(source, content + "\n");
        try
        {
            BootTinyVm(name);

            _lab.Run($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");
            var refused = _lab.TryRun($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");
            Assert.False(refused.Succeeded, "copying over an existing guest file without -Force must fail");
            Assert.Contains("FullyQualifiedErrorId : DestinationFileExists,", refused.Errors);
            _lab.Run($"Get-VM {name} | Copy-VMFile -SourcePath {source} -DestinationPath /root/deep/er/x -FileSource Host -CreateFullPath");

            var clock = Stopwatch.StartNew();
            var cat = _lab.Host.InvokeCommand(name, "cat /root/x", TimeSpan.FromMinutes(2));
            output.WriteLine($"Invoke-Command round trip: {clock.Elapsed.TotalMilliseconds:0} ms");
            Assert.True(cat.Succeeded, cat.StandardError);
            Assert.Equal(content + "\n", cat.StandardOutput);

            var printed = _lab.Run($"Invoke-Command -VMName {name} -ScriptBlock {{ cat /root/deep/er/x }}");
            Assert.Contains(content, printed);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    [Fact]
    public void InvokeCommand_FailingGuestCommand_FailsTheStatementWithTheGuestsError()
    {
        var name = IsolatedHost.UniqueName("direct");
        try
        {
            BootTinyVm(name);

            var missing = _lab.TryRun($"Invoke-Command -VMName {name} -ScriptBlock {{ Get-VM nope }}; 'not reached'");
            Assert.False(missing.Succeeded);
            Assert.Contains("unable to find a virtual machine with name \"nope\"", missing.Errors);
            Assert.Contains("FullyQualifiedErrorId : GuestCommandFailed,", missing.Errors);
            Assert.DoesNotContain("not reached", missing.Output);

            var falseCommand = _lab.TryRun($"Invoke-Command -VMName {name} -ScriptBlock {{ false }}");
            Assert.False(falseCommand.Succeeded);
            Assert.Contains("exit code 1", falseCommand.Errors);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private void BootTinyVm(string name)
    {
        _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny");
        _lab.Run($"Start-VM {name}");
        _lab.Run($"Wait-VM -Name {name} -For Heartbeat -Timeout 240");
    }
}
