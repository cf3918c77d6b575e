using HyperNest.Hosting;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>Set-VMMemory passes Hyper-V's parameters, and HyperNest's ResizeWithNestedHypervisor, to the host as one request.</summary>
public sealed class SetVmMemoryCommandTests : VmSession
{
    public SetVmMemoryCommandTests() => Host.Vms.Add(VmHostRecorder.Vm("web1"));

    [Fact]
    public void TheDocumentsExample_IsOneRequest()
    {
        Succeeds("Set-VMMemory web1 -DynamicMemoryEnabled $true -MinimumBytes 64MB -StartupBytes 256MB -MaximumBytes 2GB -Priority 80 -Buffer 25");

        Assert.Equal(
            new SetMemoryRequest { DynamicMemoryEnabled = true, MinimumBytes = 64L << 20, StartupBytes = 256L << 20, MaximumBytes = 2L << 30, Priority = 80, Buffer = 25 },
            SingleChange(nameof(IVirtualizationHost.SetVmMemory))[1]);
    }

    [Fact]
    public void ResizeWithNestedHypervisor_IsPassed()
    {
        Succeeds("Set-VMMemory -VMName web1 -ResizeWithNestedHypervisor $true -StartupBytes 3GB");

        Assert.Equal(new SetMemoryRequest { ResizeWithNestedHypervisor = true, StartupBytes = 3L << 30 }, SingleChange(nameof(IVirtualizationHost.SetVmMemory))[1]);
    }
}
