namespace HyperNest.IntegrationTests;

/// <summary>New-VHD, Get-VHD and Resize-VHD through the real executable and qemu-img.</summary>
[Collection(GuestCollection.Name)]
public sealed class VhdCmdletTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hn-vhd-").FullName;

    public void Dispose()
    {
        ProcessSweeper.StopService(_home);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void NewGetResizeVhd_RoundTrip()
    {
        var disk = Path.Combine(_home, "data disk.qcow2");

        var created = CliRunner.Run(_home, "-c", $"New-VHD -Path '{disk}' -SizeBytes 1GB | Out-Null; Resize-VHD -Path '{disk}' -SizeBytes 2GB; Get-VHD '{disk}' | ConvertTo-Json");

        Assert.True(created.ExitCode == 0, created.Errors);
        Assert.Contains("\"Size\": 2147483648", created.Output);
        Assert.Contains("\"VhdFormat\": \"QCOW2\"", created.Output);
        Assert.Contains("\"VhdType\": \"Dynamic\"", created.Output);
    }

    [Fact]
    public void ResizeVhd_Shrink_IsRefusedAndSizeUnchanged()
    {
        var disk = Path.Combine(_home, "d.qcow2");
        Assert.Equal(0, CliRunner.Run(_home, "-c", $"New-VHD -Path '{disk}' -SizeBytes 2GB").ExitCode);

        var shrink = CliRunner.Run(_home, "-c", $"Resize-VHD -Path '{disk}' -SizeBytes 1GB");

        Assert.NotEqual(0, shrink.ExitCode);
        Assert.Contains("only grows", shrink.Errors);
        Assert.Contains("\"Size\": 2147483648", CliRunner.Run(_home, "-c", $"Get-VHD '{disk}' | ConvertTo-Json").Output);
    }

    [Fact]
    public void NewVm_WithNewVhdPath_CreatesTheDisk_RemoveVmKeepsIt()
    {
        var disk = Path.Combine(_home, "vm.qcow2");

        var outcome = CliRunner.Run(_home, "-c", $"New-VM -Name withdisk -NewVHDPath '{disk}' -NewVHDSizeBytes 1GB | Out-Null; Remove-VM withdisk -Force");

        Assert.True(outcome.ExitCode == 0, outcome.Errors);
        Assert.True(File.Exists(disk), "Hyper-V's Remove-VM keeps the disks the user named");
    }
}
