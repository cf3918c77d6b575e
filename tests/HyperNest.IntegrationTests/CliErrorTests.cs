using HyperNest.Hosting;

namespace HyperNest.IntegrationTests;

/// <summary>
/// Each bad input through the real executable (pwsh's console host with HyperNest): PowerShell's error
/// on stderr (ConciseView: "Cmdlet: message"), a non-zero exit code, and the state store exactly as it was.
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class CliErrorTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-cli-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        Directory.Delete(_home, recursive: true);
    }

    private IReadOnlyList<string> VmNames()
    {
        using var host = HostFactory.Create(new HostPaths(_home, HostPaths.FromEnvironment().Cache));
        return host.GetVms().Select(vm => $"{vm.Name}|{vm.Version}").ToList();
    }

    [Theory]
    [InlineData("Get-VM nope", "Hyper-V was unable to find a virtual machine with name \"nope\"")]
    [InlineData("New-VM -Name dup -NoVHD", "already exists")]
    [InlineData("Update-VMVersion base -Version 9.0", "cannot be downgraded")]
    [InlineData("New-VM -Name big -MemoryStartupBytes 12XB", "12XB")]
    [InlineData("Get-VM -Bogus", "A parameter cannot be found that matches parameter name 'Bogus'")]
    [InlineData("New-VM -N x", "ambiguous")]
    [InlineData("Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true", "'<VMName>' is a placeholder")]
    [InlineData("New-VM -Name 'a\"b|c' -NoVHD", "cannot be used as a virtual machine name")]
    public void BadInput_PrintsErrorRecord_ExitsNonZero_LeavesStateUnchanged(string line, string expected)
    {
        Assert.Equal(0, CliRunner.Run(_home, "-c", "New-VM -Name base -NoVHD; New-VM -Name dup -NoVHD").ExitCode);
        var before = VmNames();

        var outcome = CliRunner.Run(_home, "-c", line);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains(expected, outcome.Errors);
        Assert.Equal(before, VmNames());
    }

    [Fact]
    public void CommandLine_NonTerminatingError_GoesOnAsPwshDoes()
    {
        var outcome = CliRunner.Run(_home, "-c", "New-VM -Name first -NoVHD; Get-VM nope; New-VM -Name second -NoVHD");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Get-VM: Hyper-V was unable to find a virtual machine with name \"nope\"", outcome.Errors);
        Assert.Equal(["first|12.0", "second|12.0"], VmNames());
    }

    [Fact]
    public void CommandLine_ErrorActionPreferenceStop_StopsAtFirstErrorAndExitsNonZero()
    {
        var outcome = CliRunner.Run(_home, "-c", "$ErrorActionPreference = 'Stop'; New-VM -Name first -NoVHD; Get-VM nope; New-VM -Name never -NoVHD");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Equal(["first|12.0"], VmNames());
    }

    [Fact]
    public void NameWithShellAndQemuMetaCharacters_IsStoredVerbatim()
    {
        const string Name = "x,file=y,if=none; $(id) `id` =z";

        var outcome = CliRunner.Run(_home, "-c", $"New-VM -Name '{Name}' -NoVHD");

        Assert.True(outcome.ExitCode == 0, outcome.Errors);
        Assert.Equal([$"{Name}|12.0"], VmNames());
    }

    [Fact]
    public async Task TwoProcessesCreatingVmsAtOnce_BothSucceed_NothingLost()
    {
        static string Script(string prefix) => string.Join("; ", Enumerable.Range(0, 10).Select(i => $"New-VM -Name {prefix}{i} -NoVHD"));

        var outcomes = await Task.WhenAll(
            CliRunner.RunAsync(_home, ["-c", Script("a")]),
            CliRunner.RunAsync(_home, ["-c", Script("b")]));

        Assert.All(outcomes, outcome => Assert.True(outcome.ExitCode == 0, outcome.Errors));
        Assert.Equal(20, VmNames().Count);
    }
}
