namespace HyperNest.Images;

/// <summary>A symbolic link the recipe creates in the guest root file system.</summary>
public sealed record GuestLink(string GuestPath, string Target);
