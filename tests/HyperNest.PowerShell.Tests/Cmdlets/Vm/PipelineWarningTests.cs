namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>
/// A warning the host raises during a call belongs to the cmdlet that made the call. In `Get-VM | Start-VM`
/// both cmdlets listen to the runspace's one host while Start-VM runs inside Get-VM's output; Get-VM writing
/// Start-VM's warning made PowerShell refuse it ("WriteObject and WriteError methods cannot be called from
/// outside the overrides…") and the pipeline stopped after the first VM.
/// </summary>
public sealed class PipelineWarningTests : VmSession
{
    [Fact]
    public void GetVmPipedToStartVm_EveryVmStarts_EachWarningIsWrittenOnce()
    {
        Host.Vms.AddRange([VmHostRecorder.Vm("a"), VmHostRecorder.Vm("b"), VmHostRecorder.Vm("c")]);
        Host.WarnDuring["StartVm"] = "runs without hardware virtualization (TCG software emulation)";

        var started = Session.Succeeds("Get-VM | Start-VM -Passthru");

        Assert.Equal(["a", "b", "c"], Host.Changes.Where(c => c.Method == "StartVm").Select(c => (string)c.Arguments[0]!));
        Assert.Equal(3, Session.Warnings.Count);
        Assert.All(Session.Warnings, w => Assert.Contains("TCG", w));
        Assert.Equal(3, started.Count);
    }
}
