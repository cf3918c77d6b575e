using System.Collections;
using System.Management.Automation;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// A refusal of the host API reaches scripts as Hyper-V's cmdlets report theirs: a non-terminating error
/// record carrying the refusal's message, error id, category and target, which -ErrorAction, $?,
/// -ErrorVariable, try/catch and $ErrorActionPreference treat as PowerShell does for any cmdlet.
/// </summary>
public sealed class HostRefusalTests(RefusingSession refusing) : IClassFixture<RefusingSession>
{
    private readonly PowerShellSession _session = refusing.Session;

    [Theory]
    [MemberData(nameof(CmdletLines.HostCalling), MemberType = typeof(CmdletLines))]
    public void Refusal_NoErrorAction_OneErrorRecordAndTheScriptGoesOn(string line)
    {
        var output = _session.Invoke($"{line}; 'next'");

        Assert.Equal("next", output[^1].BaseObject);
        AssertIsTheRefusal(Assert.Single(_session.Errors));
    }

    [Theory]
    [MemberData(nameof(CmdletLines.HostCalling), MemberType = typeof(CmdletLines))]
    public void Refusal_SilentlyContinue_NothingWrittenAndDollarQuestionFalse(string line)
    {
        var output = _session.Invoke($"{line} -ErrorAction SilentlyContinue; $?");

        Assert.Equal(false, Assert.Single(output).BaseObject);
        Assert.Empty(_session.Errors);
    }

    [Theory]
    [MemberData(nameof(CmdletLines.HostCalling), MemberType = typeof(CmdletLines))]
    public void Refusal_ErrorVariable_HoldsTheRecord(string line)
    {
        var output = _session.Invoke($"{line} -ErrorVariable failure -ErrorAction SilentlyContinue; , $failure");

        var failures = Assert.IsAssignableFrom<IList>(Assert.Single(output).BaseObject);
        AssertIsTheRefusal(Assert.IsType<ErrorRecord>(Assert.Single(failures)));
    }

    [Theory]
    [MemberData(nameof(CmdletLines.HostCalling), MemberType = typeof(CmdletLines))]
    public void Refusal_ErrorActionStopInTry_CaughtAsTheRecord(string line)
    {
        var output = _session.Invoke($"try {{ {line} -ErrorAction Stop; 'not reached' }} catch {{ $_ }}");

        AssertIsTheRefusal(Assert.IsType<ErrorRecord>(Assert.Single(output).BaseObject));
        Assert.Empty(_session.Errors);
    }

    [Theory]
    [MemberData(nameof(CmdletLines.HostCalling), MemberType = typeof(CmdletLines))]
    public void Refusal_ErrorActionPreferenceStop_StopsTheScript(string line)
    {
        var exception = Assert.Throws<ActionPreferenceStopException>(() => _session.Invoke($"& {{ $ErrorActionPreference = 'Stop'; {line}; 'not reached' }}"));

        AssertIsTheRefusal(exception.ErrorRecord);
    }

    private static void AssertIsTheRefusal(ErrorRecord error)
    {
        Assert.Equal(
            (RefusingSession.ErrorId, ErrorCategory.ObjectNotFound, RefusingSession.Message, (object)RefusingSession.Target),
            (error.ErrorId(), error.CategoryInfo.Category, error.Message(), error.TargetObject));
    }
}
