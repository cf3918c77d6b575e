using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Api;

// Request bodies of the API's actions whose host call takes plain arguments (the others send the host's
// own request records). Named after what they carry; docs/api.md lists which path takes which.

public sealed record StopVmBody(StopMode Mode);

public sealed record RenameBody(string NewName);

public sealed record UpdateVersionBody(VmConfigurationVersion? Version);

public sealed record WaitVmBody(WaitForCondition Condition, double TimeoutSeconds);

public sealed record CopyFileBody(string SourcePath, string DestinationPath, bool CreateFullPath, bool Force);

public sealed record ResizeVhdBody(string Path, long SizeBytes);

public sealed record ConnectAdapterBody(string SwitchName);

public sealed record IntegrationServiceBody(bool Enabled);

public sealed record RemoveIpAddressBody(NetInterfaceSelector Interface, string IPAddress);

public sealed record NewNatBody(string Name, string InternalIPInterfaceAddressPrefix);

public sealed record SetDnsServersBody(NetInterfaceSelector Interface, IReadOnlyList<string> ServerAddresses);

public sealed record AddDnsServerBody(NetInterfaceSelector Interface, string ServerAddress, int? Index);

/// <summary>What the API says of a PowerShell Direct target (its channel is a path of its own).</summary>
public sealed record PowerShellDirectTargetInfo(string VmName, Guid VmId);
