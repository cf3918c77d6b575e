using System.Management.Automation;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

public sealed class CmdletLinesTests
{
    [Fact]
    public void ByCommand_EveryCommandOfTheModule_HasALine()
    {
        var (host, _) = NetworkHostRecorder.Create();
        using var session = new PowerShellSession(host);

        var commands = session.Invoke("Get-Command -Module HyperNest").Select(c => ((CommandInfo)c.BaseObject).Name).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.True(CmdletLines.ByCommand.ContainsKey(c), $"CmdletLines has no line for {c}."));
    }
}
