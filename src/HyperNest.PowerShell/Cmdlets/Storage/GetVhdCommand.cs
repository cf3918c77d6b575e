using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Storage;

[Cmdlet("Get", "VHD")]
public sealed class GetVhdCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "HardDrivePath")]
    public string[] Path { get; set; } = [];

    protected override void Process()
    {
        foreach (var path in Path)
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
}
