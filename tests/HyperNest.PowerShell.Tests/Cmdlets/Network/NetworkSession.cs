using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Network;

/// <summary>A runspace with the HyperNest module over a <see cref="NetworkHostRecorder"/>, one per test.</summary>
public abstract class NetworkSession : RecorderSession<NetworkHostRecorder>;
