namespace HyperNest.Model;

/// <summary>One row of Get-VMHostSupportedVersion.</summary>
public sealed record VmHostSupportedVersion(string Name, string Version, bool IsDefault);
