namespace HyperNest.Images;

/// <summary>A text file the recipe writes into the guest root file system.</summary>
/// <param name="GuestPath">Absolute path inside the guest.</param>
/// <param name="Mode">Unix permission bits, e.g. 0755 for scripts.</param>
public sealed record GuestTextFile(string GuestPath, string Content, UnixFileMode Mode);
