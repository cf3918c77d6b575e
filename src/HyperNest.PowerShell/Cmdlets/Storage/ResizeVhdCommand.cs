using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Storage;

[Cmdlet("Resize", "VHD", SupportsShouldProcess = true)]
public sealed class ResizeVhdCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    public long SizeBytes { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void Process()
    {
        foreach (var path in Path)
        {
            if (!ShouldProcess(path))
            {
                continue;
            }

            try
            {
                var disk = Virtualization.ResizeVhd(path, SizeBytes);
                if (Passthru)
                {
                    WriteObject(disk);
                }
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
