using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Storage;

[Cmdlet("New", "VHD", DefaultParameterSetName = "Dynamic", Synopsis = "Creates a virtual hard disk (qcow2 through qemu-img).")]
public sealed class NewVhdCommand : Cmdlet
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

    protected internal override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            try
            {
                WriteObject(Host.NewVhd(new NewVhdRequest
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
