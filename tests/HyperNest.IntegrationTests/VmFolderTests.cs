namespace HyperNest.IntegrationTests;

/// <summary>
/// New-VM -Path on a real tiny guest: its disk lives in &lt;Path&gt;/&lt;Name&gt; (a path with a space here), the
/// guest boots from it, and Remove-VM deletes the folder. (Saving keeps its state under the home, as for
/// every VM: VmStateTransitionTests covers save and restore.)
/// </summary>
[Collection(GuestCollection.Name)]
public sealed class VmFolderTests : IDisposable
{
    private readonly IsolatedHost _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void NewVmPath_BootsFromThatFolder_AndRemoveVmDeletesIt()
    {
        var name = IsolatedHost.UniqueName("folder");
        var parent = Directory.CreateDirectory(Path.Combine(_lab.Home, "my vms")).FullName;
        var folder = Path.Combine(parent, name);
        try
        {
            _lab.Run($"New-VM -Name {name} -MemoryStartupBytes 512MB -Image tiny -Path '{parent}'");
            Assert.Equal(folder, _lab.Run($"(Get-VM {name}).Path").Trim());
            Assert.True(File.Exists(Path.Combine(folder, "disk.qcow2")), "the image overlay is made in the VM's folder");

            _lab.Run($"Start-VM {name}; Wait-VM -Name {name} -For Heartbeat -Timeout 240");
            _lab.Run($"Stop-VM {name} -TurnOff; Remove-VM {name} -Force");

            Assert.False(Directory.Exists(folder), "Remove-VM deletes the VM's folder");
            Assert.True(Directory.Exists(parent), "the folder given as -Path stays");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{_lab.Consoles()}", ex);
        }
    }
}
