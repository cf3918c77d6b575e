namespace HyperNest.Model;

/// <summary>
/// A Running VM as PowerShell Direct reaches it: its name and id, and <see cref="Connect"/>, which opens a new
/// stream to the PowerShell endpoint in the guest (throwing the host's error when no endpoint listens).
/// </summary>
public sealed record PowerShellDirectTarget(string VmName, Guid VmId, Func<Stream> Connect);
