using HyperNest.Hosting;

namespace HyperNest.Api;

/// <summary>
/// A refused or failed call as the API carries it: the host's message, PowerShell error category and
/// FullyQualifiedErrorId, so a cmdlet on the client shows the same error record as one run in the service.
/// </summary>
public sealed record ApiError(string Message, ErrorCategory Category, string ErrorId, string? TargetName)
{
    /// <summary>Any exception a host call threw. Not a HostException: a fault of the service, said as one.</summary>
    public static ApiError From(Exception exception) => exception switch
    {
        HostException host => new ApiError(host.Message, host.Category, host.ErrorId, host.TargetName),
        OperationCanceledException => new ApiError("The operation was cancelled.", ErrorCategory.OperationStopped, "OperationCancelled", null),
        _ => new ApiError($"hypernestd failed: {exception.GetType().Name}: {exception.Message}", ErrorCategory.NotSpecified, "ServiceFault", null),
    };

    public HostException ToException() => new(Message, Category, ErrorId, TargetName);

    /// <summary>
    /// The HTTP status a dashboard reads first; the category says the rest. Hyper-V files "no such VM" under
    /// InvalidArgument, so a missing object is known by its error id (ObjectNotFound, VhdNotFound …).
    /// </summary>
    public int HttpStatus => Category switch
    {
        _ when ErrorId.EndsWith("NotFound", StringComparison.Ordinal) => 404,
        ErrorCategory.ObjectNotFound => 404,
        ErrorCategory.InvalidArgument or ErrorCategory.InvalidData or ErrorCategory.SyntaxError or ErrorCategory.InvalidType => 400,
        ErrorCategory.InvalidOperation or ErrorCategory.ResourceExists or ErrorCategory.ResourceBusy => 409,
        ErrorCategory.PermissionDenied => 403,
        ErrorCategory.OperationTimeout => 504,
        ErrorCategory.OperationStopped => 499,
        ErrorCategory.NotImplemented => 501,
        _ => 500,
    };
}
