using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Storage;

[Cmdlet("New", "VHD", DefaultParameterSetName = "Dynamic", SupportsShouldProcess = true)]
public sealed class NewVhdCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = "Dynamic", Mandatory = true, Position = 1)]
    [Parameter(ParameterSetName = "Fixed", Mandatory = true, Position = 1)]
    [Parameter(ParameterSetName = "Differencing", Position = 1)]
    public long SizeBytes { get; set; }

    [Parameter(ParameterSetName = "Dynamic")]
    public SwitchParameter Dynamic { get; set; }

    [Parameter(ParameterSetName = "Fixed", Mandatory = true)]
    public SwitchParameter Fixed { get; set; }

    [Parameter(ParameterSetName = "Differencing", Mandatory = true)]
    public string? ParentPath { get; set; }

    [Parameter(ParameterSetName = "Differencing")]
    public SwitchParameter Differencing { get; set; }

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
                WriteObject(Virtualization.NewVhd(new NewVhdRequest
                {
                    Path = path,
                    SizeBytes = SizeBytes,
                    ParentPath = ParentPath,
                    Fixed = Fixed,
                }));
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
