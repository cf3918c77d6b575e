using System.Management.Automation;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Module;

public sealed class ModuleManifestTests
{
    [Fact]
    public void ImportModule_FromManifest_ExportsTheDocumentsCmdletsTheProxyAndNetsh()
    {
        var (host, _) = NetworkHostRecorder.Create();
        using var session = new PowerShellSession(host);

        var commands = session.Invoke("Get-Command -Module HyperNest").Select(c => ((CommandInfo)c.BaseObject).Name).ToList();

        Assert.Contains("Set-VMProcessor", commands);
        Assert.Contains("New-NetNat", commands);
        Assert.Contains("Invoke-Command", commands);
        Assert.Equal(CommandTypes.Function, ((CommandInfo)session.Invoke("Get-Command Invoke-Command")[0].BaseObject).CommandType);
        Assert.Equal("Invoke-Netsh", ((AliasInfo)session.Invoke("Get-Command netsh")[0].BaseObject).Definition);
    }

    [Fact]
    public void InvokeCommand_WithoutVMName_StillRunsPowerShellsOwn()
    {
        var (host, _) = NetworkHostRecorder.Create();
        using var session = new PowerShellSession(host);

        var result = session.Invoke("Invoke-Command -ScriptBlock { param($a) $a * 2 } -ArgumentList 21");

        Assert.Equal(42, result.Single().BaseObject);
    }
}
