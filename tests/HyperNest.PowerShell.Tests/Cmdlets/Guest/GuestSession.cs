using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>A runspace with the HyperNest module over a <see cref="GuestHostRecorder"/>, one per test.</summary>
public abstract class GuestSession : RecorderSession<GuestHostRecorder>;
