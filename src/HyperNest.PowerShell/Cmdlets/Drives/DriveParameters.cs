namespace HyperNest.PowerShell.Cmdlets.Drives;

/// <summary>What the drive cmdlets say about Hyper-V parameters that mean nothing here, worded once.</summary>
internal static class DriveParameters
{
    /// <summary>-AllowUnverifiedPaths: Hyper-V skips checking a path that a cluster node may not see; HyperNest has no clusters.</summary>
    public const string UnverifiedPathsIgnored = "there are no clusters to verify paths against; the file is checked on this host.";
}
