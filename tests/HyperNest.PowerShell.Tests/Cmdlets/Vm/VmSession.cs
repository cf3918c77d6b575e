using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Vm;

/// <summary>A runspace with the HyperNest module over a <see cref="VmHostRecorder"/>, one per test.</summary>
public abstract class VmSession : RecorderSession<VmHostRecorder>
{
    protected void Succeeds(string script) => Session.Succeeds(script);
}
