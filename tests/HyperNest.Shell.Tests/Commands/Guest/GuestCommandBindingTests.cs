using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Tests.Commands.Guest;

public sealed class GuestCommandBindingTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _errors = new();
    private readonly GuestHostRecorder _host;
    private readonly ShellSession _session;
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-guest-shell-").FullName;

    public GuestCommandBindingTests()
    {
        var (host, recorder) = GuestHostRecorder.Create();
        _host = recorder;
        _session = new ShellSession(() => host, _out, _errors);
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private InvocationResult Invoke(string script) => ScriptExecutor.Invoke(script, _session);

    [Fact]
    public void InvokeCommand_VMNameAndScriptBlock_SendsTheBlockTextAndWritesOutputLines()
    {
        _host.Script = (_, _) => new GuestCommandResult(0, "Name State\nL2   Running\n", "");

        var result = Invoke("Invoke-Command -VMName L1 -ScriptBlock { Get-VM | ft Name,State }");

        Assert.True(result.Succeeded);
        Assert.Equal(["Name State", "L2   Running"], result.Output);
        var call = Assert.Single(_host.Calls);
        Assert.Equal("L1", call.Arguments[0]);
        Assert.Equal("Get-VM | ft Name,State", ((string)call.Arguments[1]!).Trim());
    }

    [Fact]
    public void InvokeCommand_PositionalScriptBlock_Binds()
    {
        var result = Invoke("Invoke-Command -VMName L1 { hostname }");

        Assert.True(result.Succeeded);
        Assert.Equal("hostname", ((string)Assert.Single(_host.Calls).Arguments[1]!).Trim());
    }

    [Fact]
    public void InvokeCommand_SeveralVms_RunsInEach()
    {
        Invoke("Invoke-Command -VMName L1,L2 -ScriptBlock { hostname }");

        Assert.Equal(["L1", "L2"], _host.Calls.Select(c => c.Arguments[0]));
    }

    [Fact]
    public void InvokeCommand_FilePath_SendsTheHostFilesText()
    {
        var script = Path.Combine(_directory, "setup.ps1");
        File.WriteAllText(script, "New-VM -Name L2\nStart-VM L2\n");

        Invoke($"Invoke-Command -VMName L1 -FilePath {script}");

        Assert.Equal("New-VM -Name L2\nStart-VM L2\n", Assert.Single(_host.Calls).Arguments[1]);
    }

    [Fact]
    public void InvokeCommand_GuestExitCode_IsAnErrorWithTheGuestsErrorText()
    {
        _host.Script = (_, _) => new GuestCommandResult(1, "before\n", "Get-VM : not found\n");

        var result = Invoke("Invoke-Command -VMName L1 -ScriptBlock { Get-VM nope }");

        Assert.False(result.Succeeded);
        Assert.Equal(["before"], result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GuestCommandFailed,HyperNest.Commands.InvokeCommand", error.FullyQualifiedErrorId);
        Assert.Contains("exit code 1", error.Message);
        Assert.Contains("Get-VM : not found", error.Message);
    }

    [Fact]
    public void InvokeCommand_GuestWarningsOnSuccess_AreWarningsNotErrors()
    {
        _host.Script = (_, _) => new GuestCommandResult(0, "", "WARNING: 'L2' runs without hardware virtualization\n");

        var result = Invoke("Invoke-Command -VMName L1 -ScriptBlock { Start-VM L2 }");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Contains("'L2' runs without hardware virtualization", _errors.ToString() + _out.ToString());
    }

    [Fact]
    public void InvokeCommand_WithoutVm_IsAClearErrorAndRunsNothing()
    {
        var result = Invoke("Invoke-Command -ScriptBlock { hostname }");

        Assert.False(result.Succeeded);
        Assert.Contains("-VMName or -VMId", Assert.Single(result.Errors).Message);
        Assert.Empty(_host.Calls);
    }

    [Fact]
    public void InvokeCommand_BothScriptBlockAndFilePath_IsRefused()
    {
        var result = Invoke("Invoke-Command -VMName L1 -ScriptBlock { hostname } -FilePath /tmp/x.ps1");

        Assert.False(result.Succeeded);
        Assert.Empty(_host.Calls);
    }

    [Fact]
    public void InvokeCommand_VMId_RunsInTheVmWithThatId()
    {
        var id = Guid.NewGuid();
        _host.Vms.Add(Vm("L1", Guid.NewGuid()));
        _host.Vms.Add(Vm("L7", id));

        Invoke($"Invoke-Command -VMId {id} -ScriptBlock {{ hostname }}");

        Assert.Equal("L7", Assert.Single(_host.Calls).Arguments[0]);
    }

    [Fact]
    public void InvokeCommand_VmsFromThePipeline_RunsInEach()
    {
        _host.Vms.Add(Vm("L1", Guid.NewGuid()));
        _host.Vms.Add(Vm("L2", Guid.NewGuid()));

        var result = Invoke("Get-VM | Invoke-Command -ScriptBlock { hostname }");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(["L1", "L2"], _host.Calls.Select(c => c.Arguments[0]));
    }

    [Fact]
    public void CopyVmFile_NamedParameters_BindToTheHostCall()
    {
        var result = Invoke("Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host -CreateFullPath -Force");

        Assert.True(result.Succeeded);
        var call = Assert.Single(_host.Calls);
        Assert.Equal(nameof(Hosting.IVirtualizationHost.CopyFileToGuest), call.Method);
        Assert.Equal(["L1", "/tmp/a.txt", "/root/a.txt", true, true], call.Arguments.Take(5));
    }

    [Fact]
    public void CopyVmFile_VmFromThePipeline_CopiesIntoIt()
    {
        _host.Vms.Add(Vm("L1", Guid.NewGuid()));

        var result = Invoke("Get-VM L1 | Copy-VMFile -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(["L1", "/tmp/a.txt", "/root/a.txt", false, false], Assert.Single(_host.Calls).Arguments.Take(5));
    }

    [Fact]
    public void CopyVmFile_FileSourceOtherThanHost_IsAClearError()
    {
        var result = Invoke("Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Guest");

        Assert.False(result.Succeeded);
        Assert.Contains("-FileSource Host is the only value", Assert.Single(result.Errors).Message);
        Assert.Empty(_host.Calls);
    }

    private static VirtualMachine Vm(string name, Guid id) => new()
    {
        Name = name,
        Id = id,
        State = VmState.Running,
        Status = "Operating normally",
        Version = "12.0",
    };
}
