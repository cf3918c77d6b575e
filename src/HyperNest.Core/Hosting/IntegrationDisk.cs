namespace HyperNest.Hosting;

/// <summary>
/// HyperNest's read-only integration disk for one VM start: a file in the image cache, or, inside a
/// guest that itself got one, that block device handed on as it is.
/// </summary>
public sealed record IntegrationDisk(string Path, bool IsBlockDevice);
