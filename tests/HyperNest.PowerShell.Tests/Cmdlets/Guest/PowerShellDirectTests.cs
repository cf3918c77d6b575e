using System.Management.Automation;
using System.Management.Automation.Runspaces;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// PowerShell Direct as users type it (Invoke-Command, New-PSSession, Enter-PSSession -VMName/-VMId/-VM and
/// PowerShell's own session cmdlets) against the guest's real endpoint and real PowerShell servers, run on
/// this machine (<see cref="LocalEndpoint"/>): objects, streams, arguments and sessions as remoting gives them.
/// </summary>
public sealed class PowerShellDirectTests : GuestSession
{
    [Fact]
    public void InvokeCommand_VMName_ObjectsComeBackDeserializedWithTheVmAsPSComputerName()
    {
        var output = Session.Succeeds(
            "Invoke-Command -VMName L1 -ScriptBlock { Get-Item /etc/hostname } | " +
            "ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.PSComputerName, $_.Name, ($_.Length -gt 0), $_.PSObject.TypeNames[0] }");

        Assert.Equal(["L1|hostname|True|Deserialized.System.IO.FileInfo"], output);
        Assert.Equal(nameof(global::HyperNest.Hosting.IVirtualizationHost.GetPowerShellDirectTarget), Host.Calls[0].Method);
    }

    [Fact]
    public void InvokeCommand_ArgumentListAndUsing_ReachTheScript()
    {
        var output = Session.Succeeds("$factor = 3; Invoke-Command -VMName L1 -ScriptBlock { param($a, $b) $a * $b * $using:factor } -ArgumentList 2, 7");

        Assert.Equal([42], output);
    }

    [Fact]
    public void InvokeCommand_FilePath_RunsTheHostsScriptInTheGuest()
    {
        var script = Path.Combine(Path.GetTempPath(), $"hn-direct-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, "param($name) \"hello $name from $([Environment]::ProcessId -ne $args.Count)\"");
        try
        {
            Assert.Equal(["hello L0 from True"], Session.Succeeds($"Invoke-Command -VMName L1 -FilePath {script} -ArgumentList L0"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void InvokeCommand_ErrorsAndWarnings_ComeBackAsTheirStreams()
    {
        // PowerShell writes a remote command's warnings to the host, and to -WarningVariable (not to 3>&1).
        var output = Session.Invoke("Invoke-Command -VMName L1 -ScriptBlock { Write-Warning 'careful'; Get-Item /no/such/file; 'after' } -WarningVariable warned; $warned.Message");

        Assert.Equal(["after", "careful"], output.Select(o => o.BaseObject));
        var error = Assert.Single(Session.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("L1", ((RemotingErrorRecord)error).OriginInfo.PSComputerName);
    }

    [Fact]
    public void InvokeCommand_VMIdAndVM_ReachTheVmOfThatIdOrObject()
    {
        var id = Guid.NewGuid();
        Host.Vms.Add(GuestHostRecorder.Vm("L7", id));

        var output = Session.Succeeds($"Invoke-Command -VMId {id} -ScriptBlock {{ 1 }} | ForEach-Object PSComputerName; Invoke-Command -VM (Get-VM L7) {{ 2 }} | ForEach-Object PSComputerName");

        Assert.Equal(["L7", "L7"], output);
    }

    [Fact]
    public void NewPSSession_KeepsStateBetweenCalls_ListedByGetPSSession_GoneAfterRemove()
    {
        var output = Session.Succeeds(
            "$s = New-PSSession -VMName L1 -Name lab; " +
            "Invoke-Command -Session $s { $count = 41 }; " +
            "Invoke-Command -Session $s { $count + 1 }; " +
            "Get-PSSession | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Name, $_.ComputerName, $_.Transport, $_.State }; " +
            "Remove-PSSession $s; (Get-PSSession).Count");

        Assert.Equal([42, "lab|L1|PowerShellDirect|Opened", 0], output);
    }

    [Fact]
    public void CopyItem_ToAndFromSession_CarriesTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("hn-direct-copy-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "in.txt"), "over PowerShell Direct\n");

            Session.Succeeds(
                $"$s = New-PSSession -VMName L1; Copy-Item -Path {folder}/in.txt -Destination {folder}/guest.txt -ToSession $s; " +
                $"Copy-Item -Path {folder}/guest.txt -Destination {folder}/back.txt -FromSession $s; Remove-PSSession $s");

            Assert.Equal("over PowerShell Direct\n", File.ReadAllText(Path.Combine(folder, "back.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InvokeCommand_GuestServerDiesMidCall_ErrorForThatCallNotAHang()
    {
        var output = Session.Invoke("Invoke-Command -VMName L1 -ScriptBlock { 'before'; [Environment]::Exit(3) }; 'next statement'");

        Assert.Contains("next statement", output.Select(o => o.BaseObject));
        var error = Assert.Single(Session.Errors);
        Assert.Contains("the PowerShell session in virtual machine 'L1' ended", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeCommand_ConfigurationName_RefusedWithWhy()
    {
        var error = Assert.Throws<RuntimeException>(() => Session.Invoke("Invoke-Command -VMName L1 -ConfigurationName Other -ScriptBlock { 1 }"));

        Assert.Contains("one PowerShell Direct endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeCommand_CredentialAsOnHyperV_IsAccepted()
    {
        var output = Session.Succeeds(
            "$password = ConvertTo-SecureString 'x' -AsPlainText -Force; " +
            "Invoke-Command -VMName L1 -Credential ([pscredential]::new('Administrator', $password)) -ScriptBlock { 'in' }");

        Assert.Equal(["in"], output);
    }

    [Fact]
    public void BackToBackCalls_ReuseTheWarmServer_AndNoSessionSeesWhatAnEarlierOneSet()
    {
        // $keep holds the VM's channel (as a guest's endpoint lives on), so both calls reach the same endpoint.
        var output = Session.Succeeds(
            "$keep = New-PSSession -VMName L1; " +
            "$first = Invoke-Command -VMName L1 { $env:HN_LEAK = 'set'; Set-Location /tmp; $PID }; " +
            "$second = Invoke-Command -VMName L1 { '{0}|{1}|{2}' -f $PID, $env:HN_LEAK, (Get-Location).Path }; " +
            "Remove-PSSession $keep; \"$first\"; $second");

        Assert.Equal(2, output.Count);
        Assert.Equal($"{output[0]}||/root", output[1]);
    }

    [Fact]
    public void Servers_RunWithoutTieredCompilation_AndTheirSessionsDoNotInheritTheSetting()
    {
        // /proc/PID/environ is the environment the server process started with; $env: is what the session has.
        var output = Session.Succeeds(
            "Invoke-Command -VMName L1 { '{0}|{1}|{2}' -f " +
            "([IO.File]::ReadAllText(\"/proc/$PID/environ\").Split([char]0) -contains 'DOTNET_TieredCompilation=0'), " +
            "[string]::IsNullOrEmpty($env:DOTNET_TieredCompilation), [string]::IsNullOrEmpty($env:HYPERNEST_SESSION_SERVER) }");

        Assert.Equal(["True|True|True"], output);
    }
}
