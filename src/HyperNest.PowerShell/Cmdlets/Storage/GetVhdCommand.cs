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

    private List<string> DrivePaths()
    {
        var paths = new List<string>();
        var vms = Virtualization.GetVms();
        foreach (var id in VMId)
        {
            if (vms.FirstOrDefault(vm => vm.Id == id) is not { } vm)
            {
                WriteError(CreateError(
                    $"Hyper-V was unable to find a virtual machine with ID {id}. Get-VM | Select-Object Name, VMId lists them.",
                    ErrorCategory.InvalidArgument, "InvalidParameter", id.ToString()));
                continue;
            }

            paths.AddRange(Virtualization.GetVmHardDiskDrives(vm.Name).Select(drive => drive.Path));
        }

        return paths;
    }
}
