using System.Diagnostics;
using Xunit.Abstractions;

namespace HyperNest.IntegrationTests;

/// <summary>
/// Drives through cmdlets against the real tiny guest under TCG: disks on IDE and SCSI and a DVD with an
/// ISO, attached while Off, are seen by the guest; a SCSI disk hot-added to the running guest appears,
/// and disappears when removed. The tiny guest has no udev, so the test loads the drivers a distribution
/// would load by itself (ata_piix, sd_mod, sr_mod, virtio_scsi, isofs).
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class DriveTests(ITestOutputHelper output) : IDisposable
{
    private const string ListDisks = "Get-ChildItem /sys/block | ForEach-Object { $_.Name + '=' + (Get-Content ($_.FullName + '/size')) }";

    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void Gen1_IdeAndScsiDisksAndIsoDvd_AreSeenByTheGuest_ScsiHotPlugComesAndGoes()
    {
        var name = IsolatedHost.UniqueName("drives");
        var ide = Path.Combine(_lab.Home, "ide.qcow2");
        var scsi = Path.Combine(_lab.Home, "scsi.qcow2");
        var hot = Path.Combine(_lab.Home, "hot.qcow2");
        var iso = MakeIso("hello from the DVD");
        try
        {
            _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny");
            _lab.Run($"New-VHD -Path {ide} -SizeBytes 64MB; New-VHD -Path {scsi} -SizeBytes 32MB; New-VHD -Path {hot} -SizeBytes 48MB");
            _lab.Run($"Add-VMHardDiskDrive -VMName {name} -Path {ide}");
            _lab.Run($"Add-VMHardDiskDrive -VMName {name} -ControllerType SCSI -Path {scsi}");
            _lab.Run($"Add-VMDvdDrive -VMName {name} -Path {iso}");
            output.WriteLine(_lab.Run($"Get-VMHardDiskDrive -VMName {name}"));
            var drives = _lab.Host.GetVm(name);
            Assert.Equal(["IDE 0:0", "IDE 0:1", "SCSI 0:0"], drives.HardDrives.Select(d => $"{d.ControllerType} {d.ControllerNumber}:{d.ControllerLocation}"));
            Assert.Equal(("IDE 1:0", iso), drives.DVDDrives.Select(d => ($"{d.ControllerType} {d.ControllerNumber}:{d.ControllerLocation}", d.Path)).Single());

            _lab.Run($"Start-VM {name}");
            _lab.Run($"Wait-VM -Name {name} -For Heartbeat -Timeout 240");
            var cold = Guest(name, "modprobe ata_piix; modprobe sd_mod; modprobe sr_mod; modprobe virtio_scsi; Start-Sleep 3; " + ListDisks);
            Assert.Contains("vda=", cold);                       // the system disk, still the first virtio disk
            Assert.Contains("=131072", cold);                    // 64 MB IDE disk, in 512-byte sectors
            Assert.Contains("=65536", cold);                     // 32 MB SCSI disk
            Assert.Contains("sr0=", cold);
            var dvd = Guest(name, "modprobe isofs; New-Item -ItemType Directory /mnt/cd | Out-Null; busybox mount -t iso9660 -o ro /dev/sr0 /mnt/cd; Get-Content /mnt/cd/hello.txt");
            Assert.Contains("hello from the DVD", dvd);

            var clock = Stopwatch.StartNew();
            _lab.Run($"Add-VMHardDiskDrive -VMName {name} -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 5 -Path {hot}");
            output.WriteLine($"Add-VMHardDiskDrive (hot-plug) took {clock.ElapsedMilliseconds} ms");
            Assert.Contains("=98304", WaitForGuest(name, seen => seen.Contains("=98304")));    // 48 MB, hot-added

            clock.Restart();
            _lab.Run($"Remove-VMHardDiskDrive -VMName {name} -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 5");
            output.WriteLine($"Remove-VMHardDiskDrive (hot-unplug) took {clock.ElapsedMilliseconds} ms");
            Assert.DoesNotContain("=98304", WaitForGuest(name, seen => !seen.Contains("=98304")));

            var refused = _lab.TryRun($"Remove-VMHardDiskDrive -VMName {name} -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1");
            Assert.False(refused.Succeeded);
            Assert.Contains("IDE drives change only while the virtual machine is Off", refused.Errors);

            _lab.Run($"Stop-VM {name} -TurnOff");
            _lab.Run($"Remove-VM {name} -Force");
            Assert.True(File.Exists(ide) && File.Exists(scsi) && File.Exists(hot) && File.Exists(iso), "Remove-VM keeps the disks and ISO the user attached");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }

    private string Guest(string vm, string script)
    {
        var text = _lab.InGuest(vm, script);
        output.WriteLine($"guest> {script}\n{text}");
        return text;
    }

    /// <summary>Hot-plug events reach the guest's SCSI layer asynchronously: list its disks until the condition holds (30 s at most).</summary>
    private string WaitForGuest(string vm, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var seen = Guest(vm, ListDisks);
            if (condition(seen) || DateTime.UtcNow > deadline)
            {
                return seen;
            }

            Thread.Sleep(1000);
        }
    }

    private string MakeIso(string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_lab.Home, "iso-content")).FullName;
        File.WriteAllText(Path.Combine(folder, "hello.txt"), content + "\n");
        var iso = Path.Combine(_lab.Home, "test.iso");
        using var tool = Process.Start(new ProcessStartInfo("genisoimage", ["-quiet", "-r", "-V", "HNTEST", "-o", iso, folder]) { RedirectStandardError = true })!;
        tool.WaitForExit();
        Assert.True(tool.ExitCode == 0, $"genisoimage (scripts/setup.sh installs it) failed: {tool.StandardError.ReadToEnd()}");
        return iso;
    }
}
