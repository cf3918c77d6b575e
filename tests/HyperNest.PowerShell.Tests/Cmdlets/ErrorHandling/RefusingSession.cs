using HyperNest.Hosting;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// A runspace (shared by a test class) whose host API refuses every call with <see cref="Refusal"/>, as
/// Hyper-V refuses an action on a VM that does not exist.
/// </summary>
public sealed class RefusingSession : IDisposable
{
    public const string Message = "Hyper-V was unable to find a virtual machine with name \"L1\".";

    public const string ErrorId = "InvalidParameter";

    public const string Target = "L1";

    public RefusingSession()
    {
        var (host, stub) = HostStub.Create();
        stub.Otherwise = (_, _) => throw Refusal;
        Session = new PowerShellSession(host);
    }

    public static HostException Refusal => new(Message, HyperNest.Hosting.ErrorCategory.ObjectNotFound, ErrorId, Target);

    public PowerShellSession Session { get; }

    public void Dispose() => Session.Dispose();
}
