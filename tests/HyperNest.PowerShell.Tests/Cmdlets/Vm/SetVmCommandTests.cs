using System.Management.Automation;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

public sealed class SetVmCommandTests : VmSession
{
    public SetVmCommandTests() => Host.Vms.Add(VmHostRecorder.Vm("web1"));

    [Fact]
    public void SetVm_EveryHyperVSetting_IsOneHostCallWithTheRequest()
    {
        Succeeds("Set-VM -Name web1 -ProcessorCount 2 -MemoryStartupBytes 1GB -StaticMemory -Notes 'lab' -NewVMName web2 " +
            "-AutomaticStartAction Start -AutomaticStopAction ShutDown -AutomaticStartDelay 30 -AutomaticCheckpointsEnabled $false");

        var arguments = SingleChange(nameof(IVirtualizationHost.SetVm));
        Assert.Equal("web1", arguments[0]);
        Assert.Equal(new SetVmRequest
        {
            ProcessorCount = 2,
            MemoryStartupBytes = 1L << 30,
            DynamicMemoryEnabled = false,
            Notes = "lab",
            NewName = "web2",
            AutomaticStartAction = StartAction.Start,
            AutomaticStopAction = StopAction.ShutDown,
            AutomaticStartDelay = 30,
            AutomaticCheckpointsEnabled = false,
        }, arguments[1]);
    }

    [Fact]
    public void SetVm_OnlyNotes_LeavesEverythingElseNull()
    {
        Succeeds("Set-VM web1 -Notes ''");

        Assert.Equal(new SetVmRequest { Notes = "" }, SingleChange(nameof(IVirtualizationHost.SetVm))[1]);
    }

    [Fact]
    public void SetVm_VmFromThePipeline_SetsThatVm()
    {
        Host.Vms.Add(VmHostRecorder.Vm("web2"));

        Succeeds("Get-VM web2 | Set-VM -DynamicMemory:$false -MemoryStartupBytes 2GB");

        var arguments = SingleChange(nameof(IVirtualizationHost.SetVm));
        Assert.Equal("web2", arguments[0]);
        Assert.Equal(new SetVmRequest { MemoryStartupBytes = 2L << 30 }, arguments[1]);
    }

    [Fact]
    public void SetVm_DynamicMemory_IsPassedToTheHost()
    {
        Succeeds("Set-VM -VMName web1 -DynamicMemory -MemoryMinimumBytes 512MB -MemoryMaximumBytes 2GB");

        Assert.Equal(new SetVmRequest { DynamicMemoryEnabled = true, MemoryMinimumBytes = 512L << 20, MemoryMaximumBytes = 2L << 30 }, SingleChange(nameof(IVirtualizationHost.SetVm))[1]);
    }

    [Fact]
    public void SetVm_StaticAndDynamicMemoryTogether_IsAParameterErrorAndCallsNothing()
    {
        var error = Session.Fails("Set-VM web1 -StaticMemory -DynamicMemory");

        Assert.Equal("InvalidParameter", error.ErrorId());
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("contradict", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void SetVm_Passthru_WritesTheVm()
    {
        var vm = Assert.Single(Session.InvokeAs<VirtualMachine>("Set-VM web1 -Notes 'n' -Passthru"));

        Assert.Equal("n", vm.Notes);
        Assert.Empty(Session.Invoke("Set-VM web1 -Notes 'n'"));
    }

    [Fact]
    public void SetVm_HostRefusal_IsHyperVsErrorRecordAndTheNextVmStillRuns()
    {
        Host.Vms.Add(VmHostRecorder.Vm("web2"));
        Host.Refuse[nameof(IVirtualizationHost.SetVm)] = new HostException(
            "'web1' failed to modify device 'Processor'.", HyperNest.Hosting.ErrorCategory.InvalidOperation, "InvalidState", "web1");

        var error = Session.Fails("Set-VM web1, web2 -ProcessorCount 2");

        Assert.Equal(2, Session.Errors.Count);
        Assert.Equal("InvalidState,HyperNest.PowerShell.Cmdlets.Vm.SetVmCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(2, Host.Changes.Count);
    }

    [Fact]
    public void SetVm_UnknownStartAction_IsPowerShellsBindingError()
    {
        var error = Session.Fails("Set-VM web1 -AutomaticStartAction Sometimes");

        Assert.IsType<ParameterBindingException>(error.Exception, exactMatch: false);
        Assert.Contains("Nothing", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }

    [Theory]
    [InlineData("-SnapshotFileLocation /tmp/snap", "SnapshotFileLocation")]
    [InlineData("-SmartPagingFilePath /tmp/page", "SmartPagingFilePath")]
    [InlineData("-CheckpointType Production", "CheckpointType")]
    [InlineData("-LockOnDisconnect On", "LockOnDisconnect")]
    [InlineData("-GuestControlledCacheTypes $true", "GuestControlledCacheTypes")]
    [InlineData("-LowMemoryMappedIoSpace 128MB", "LowMemoryMappedIoSpace")]
    [InlineData("-HighMemoryMappedIoSpace 512MB", "HighMemoryMappedIoSpace")]
    [InlineData("-AllowUnverifiedPaths", "AllowUnverifiedPaths")]
    [InlineData("-AutomaticCriticalErrorAction Pause", "AutomaticCriticalErrorAction")]
    public void SetVm_ParameterWithoutMeaningHere_WarnsAndTheRestStillApplies(string parameter, string name)
    {
        Succeeds($"Set-VM web1 {parameter} -Notes 'kept'");

        var warning = Assert.Single(Session.Warnings);
        Assert.StartsWith($"-{name} has no effect on HyperNest", warning, StringComparison.Ordinal);
        Assert.Equal(new SetVmRequest { Notes = "kept" }, SingleChange(nameof(IVirtualizationHost.SetVm))[1]);
    }

    [Fact]
    public void SetVm_WhatIf_CallsNothing()
    {
        Succeeds("Set-VM web1 -ProcessorCount 2 -WhatIf");

        Assert.Empty(Host.Changes);
    }

    [Fact]
    public void SetVm_NullName_IsPowerShellsBindingError()
    {
        var error = Session.Fails("Set-VM -Name $null -Notes x");

        Assert.IsType<ParameterBindingException>(error.Exception, exactMatch: false);
        Assert.Empty(Host.Changes);
    }
}
