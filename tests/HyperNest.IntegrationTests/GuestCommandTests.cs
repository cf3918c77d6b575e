using System.Diagnostics;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// PowerShell Direct and Copy-VMFile against one real tiny guest under TCG: every cmdlet of PowerShell Direct
/// (Invoke-Command -VMName/-VMId/-VM with -ScriptBlock, -FilePath, -ArgumentList and $using:, New-PSSession,
/// Invoke-Command -Session, Enter-PSSession, Copy-Item -ToSession/-FromSession, Get-PSSession, Remove-PSSession)
/// with objects checked by their properties here, and the VM turned off under a call and when off.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class GuestCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task PowerShellDirect_EveryCmdletIntoOneRunningGuest_ThenTheVmTurnedOffUnderACall()
    {
        var name = IsolatedHost.UniqueName("direct");
        var source = Path.Combine(_lab.Home, "payload.txt");
        var script = Path.Combine(_lab.Home, "from-host.ps1");
        var content = $"copied from the host {Guid.NewGuid()}";
        File.WriteAllText(source, content + "\n");
        File.WriteAllText(script, "param($who) \"$who on $(hostname) as $(id -un)\"");
        try
        {
            BootTinyVm(name);

            // Copy-VMFile keeps working beside PowerShell Direct.
            _lab.Run($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");
            var refused = _lab.TryRun($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");
            Assert.Contains("FullyQualifiedErrorId : DestinationFileExists,", refused.Errors);

            var clock = Stopwatch.StartNew();
            var file = _lab.Run($"Invoke-Command -VMName {name} -ScriptBlock {{ Get-Item /root/x }} | ForEach-Object {{ '{{0}}|{{1}}|{{2}}' -f $_.PSComputerName, $_.Length, $_.PSObject.TypeNames[0] }}");
            output.WriteLine($"first Invoke-Command after heartbeat: {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal($"{name}|{content.Length + 1}|Deserialized.System.IO.FileInfo", file.Trim());

            var id = _lab.Host.GetVm(name).Id;
            var arguments = _lab.Run(
                $"$factor = 3; Invoke-Command -VMId {id} -ScriptBlock {{ param($a) $a * $using:factor }} -ArgumentList 14; " +
                $"Invoke-Command -VM (Get-VM {name}) -FilePath {script} -ArgumentList L0; " +
                $"Invoke-Command -VMName {name} {{ Get-Content /root/x }}");
            Assert.Equal(["42", $"L0 on tiny as root", content], Lines(arguments));

            var error = _lab.TryRun($"Invoke-Command -VMName {name} {{ Get-Item /no/such/file }}");
            Assert.Contains("Cannot find path '/no/such/file'", error.Errors);
            Assert.Contains("PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand", error.Errors);

            clock.Restart();
            var session = _lab.Run(
                $"$s = New-PSSession -VMName {name} -Name lab; Invoke-Command -Session $s {{ $kept = 'state' }}; " +
                "Invoke-Command -Session $s { $kept }; Get-PSSession | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Name, $_.ComputerName, $_.Transport, $_.State }; " +
                $"Copy-Item -Path {source} -Destination /root/to-session.txt -ToSession $s; " +
                $"Copy-Item -Path /root/to-session.txt -Destination {_lab.Home}/back.txt -FromSession $s; " +
                "Remove-PSSession $s; (Get-PSSession).Count");
            output.WriteLine($"session, two calls, two copies: {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(["state", $"lab|{name}|PowerShellDirect|Opened", "0"], Lines(session));
            Assert.Equal(content + "\n", File.ReadAllText(Path.Combine(_lab.Home, "back.txt")));

            // Enter-PSSession is interactive: the console host runs the commands that follow it in the guest
            // (read from stdin here, where the console host prints no prompt).
            var entered = CliRunner.RunWithInput(_lab.Home, $"Enter-PSSession -VMName {name}\nhostname\n[Environment]::MachineName\nexit\n", "-NoProfile", "-Command", "-");
            Assert.True(entered.ExitCode == 0, entered.Errors + entered.Output);
            Assert.Equal(["tiny", "tiny"], Lines(entered.Output));

            // The VM is turned off under a call: the call fails at once (no hang), and a VM that is off is Hyper-V's refusal.
            var call = Task.Run(() => _lab.TryRun($"Invoke-Command -VMName {name} {{ 'started'; Start-Sleep 600 }}"));
            await Task.Delay(TimeSpan.FromSeconds(15));
            _lab.Host.StopVm(name, HyperNest.Hosting.StopMode.TurnOff);
            var ended = await call.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Contains($"virtual machine '{name}'", ended.Errors);
            var off = _lab.TryRun($"Invoke-Command -VMName {name} {{ hostname }}");
            Assert.Contains($"The virtual machine '{name}' is not in running state", off.Errors);
            Assert.Contains("FullyQualifiedErrorId : VMNotRunning,", off.Errors);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void BootTinyVm(string name)
    {
        _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny");
        _lab.Run($"Start-VM {name}");
        _lab.Run($"Wait-VM -Name {name} -For Heartbeat -Timeout 240");
    }
}
