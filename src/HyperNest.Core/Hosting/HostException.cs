namespace HyperNest.Hosting;

/// <summary>
/// A rule of the host API refused an action, or the platform failed. The message is written for the
/// user: what was wrong and what to do. <see cref="ErrorId"/> becomes the first half of the
/// FullyQualifiedErrorId the shell prints; <see cref="TargetName"/> is the object the error is about.
/// </summary>
public sealed class HostException : Exception
{
    public HostException(string message, ErrorCategory category, string errorId, string? targetName = null, Exception? inner = null)
        : base(message, inner)
    {
        Category = category;
        ErrorId = errorId;
        TargetName = targetName;
    }

    public ErrorCategory Category { get; }

    public string ErrorId { get; }

    public string? TargetName { get; }
}
