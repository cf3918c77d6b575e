using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Storage;

[Cmdlet("Get", "VHD", DefaultParameterSetName = ByPath)]
public sealed class GetVhdCommand : HyperNestCmdlet
{
    private const string ByPath = "Path";
    private const string ByVmId = "VMId";

    [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "HardDrivePath")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Hyper-V's set for "Get-VM x | Select-Object VMId | Get-VHD": the disks of the VM's hard drives.</summary>
    [Parameter(ParameterSetName = ByVmId, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public Guid[] VMId { get; set; } = [];

    protected override void Process()
    {
        foreach (var path in ParameterSetName == ByVmId ? DrivePaths() : (IEnumerable<string>)Path)
        {
            try
            {
                WriteObject(Virtualization.GetVhd(path));
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }

    /// <summary>The disk paths of each VM's hard drives; an unknown id is its own error and the others go on.</summary>
    private IEnumerable<string> DrivePaths()
    {
        foreach (var id in VMId)
        {
            IReadOnlyList<Model.VmHardDiskDrive> drives;
            try
            {
                drives = Virtualization.GetVmHardDiskDrives(Virtualization.GetVm(id).Name);
            }
            catch (HostException ex)
            {
                WriteError(ex);
                continue;
            }

            foreach (var drive in drives)
            {
                yield return drive.Path;
            }
        }
    }
}
