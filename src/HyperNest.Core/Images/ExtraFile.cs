namespace HyperNest.Images;

/// <summary>A host file copied into the guest. Its content (not its path or time) enters the recipe hash.</summary>
public sealed record ExtraFile(string HostPath, string GuestPath, UnixFileMode Mode);
