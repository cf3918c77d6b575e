namespace HyperNest.IntegrationTests;

/// <summary>
/// Disabled integration services on a real tiny guest: Stop-VM is refused without the Shutdown service
/// (-TurnOff still works), Get-VM shows a disabled Heartbeat and Wait-VM refuses it, and Copy-VMFile is
/// refused without Guest Service Interface; enabled again, the guest answers.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class IntegrationServiceTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void DisabledServices_RefuseWhatNeedsThem_AndTurnOffStillWorks()
    {
        var name = IsolatedHost.UniqueName("ics");
        var source = Path.Combine(_lab.Home, "payload.txt");
        File.WriteAllText(source, "x\n");
        try
        {
            _lab.Run($"New-VM -Name {name} -Image tiny | Out-Null; Start-VM {name}; Wait-VM {name} -For Heartbeat -Timeout 300 | Out-Null");
            var table = _lab.Run($"Get-VMIntegrationService -VMName {name}");
            Assert.Matches(@"Heartbeat\s+True\s+OK", table);

            _lab.Run($"Disable-VMIntegrationService -VMName {name} -Name Shutdown,Heartbeat,'Guest Service Interface'");

            var stop = _lab.TryRun($"Stop-VM {name}");
            Assert.False(stop.Succeeded);
            Assert.Contains("FullyQualifiedErrorId : ShutdownServiceNotAvailable,", stop.Errors);
            Assert.Contains("Running", _lab.Run($"(Get-VM {name}).State"));
            Assert.Contains("Disabled", _lab.Run($"(Get-VM {name}).Heartbeat"));
            var wait = _lab.TryRun($"Wait-VM {name} -For Heartbeat -Timeout 5");
            Assert.Contains("FullyQualifiedErrorId : HeartbeatServiceDisabled,", wait.Errors);
            var copy = _lab.TryRun($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");
            Assert.Contains("FullyQualifiedErrorId : GuestServiceInterfaceDisabled,", copy.Errors);

            _lab.Run($"Get-VMIntegrationService {name} 'Guest Service Interface' | Enable-VMIntegrationService");
            _lab.Run($"Copy-VMFile -Name {name} -SourcePath {source} -DestinationPath /root/x -FileSource Host");

            _lab.Run($"Stop-VM {name} -TurnOff");
            Assert.Contains("Off", _lab.Run($"(Get-VM {name}).State"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }
}
