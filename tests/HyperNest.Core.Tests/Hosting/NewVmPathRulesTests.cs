using HyperNest.Hosting;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>New-VM -Path: the VM's files go to &lt;Path&gt;/&lt;Name&gt;, a folder that must be new or empty, because Remove-VM deletes it.</summary>
public sealed class NewVmPathRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly string _parent = Directory.CreateTempSubdirectory("hn-vm-path-").FullName;

    private VirtualizationHost Host => _fixture.Host;

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(_parent, recursive: true);
    }

    [Fact]
    public void NewVm_Path_KeepsTheImageDiskInAFolderNamedAfterTheVm_AndRemoveVmDeletesIt()
    {
        var vm = Host.NewVm(new NewVmRequest { Name = "web1", Image = "tiny", Path = _parent });

        var folder = Path.Combine(_parent, "web1");
        Assert.Equal(folder, vm.Path);
        Assert.Equal(Path.Combine(folder, "disk.qcow2"), Assert.Single(Host.GetVmHardDiskDrives("web1")).Path);
        Assert.True(File.Exists(Path.Combine(folder, "disk.qcow2")));
        Assert.Equal([folder], _fixture.Images.RegisteredVmFolders);

        Host.RemoveVm("web1");

        Assert.False(Directory.Exists(folder));
        Assert.True(Directory.Exists(_parent), "the folder given as -Path is the user's and stays");
    }

    [Fact]
    public void NewVm_PathWhoseVmFolderHoldsFiles_IsRefusedAndNothingIsMade()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_parent, "web1")).FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "the user's");

        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "web1", Image = "tiny", Path = _parent }));

        Assert.Equal("VMFolderExists", error.ErrorId);
        Assert.Equal(["keep.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void NewVm_PathThatDoesNotExist_IsRefused()
    {
        var missing = Path.Combine(_parent, "nope");

        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "web1", NoVhd = true, Path = missing }));

        Assert.Contains("does not exist", error.Message);
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Host.GetVms());
    }

    [Fact]
    public void NewVm_PathAndAFailureLater_RemovesTheFolderItMade()
    {
        var error = Assert.Throws<HostException>(() => Host.NewVm(new NewVmRequest { Name = "web1", Image = "no-such-image", Path = _parent }));

        Assert.Contains("no-such-image", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_parent, "web1")));
    }
}
