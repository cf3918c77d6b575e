using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Storage;

[Cmdlet("Resize", "VHD", Synopsis = "Changes a virtual hard disk's size.")]
public sealed class ResizeVhdCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    public long SizeBytes { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected internal override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            try
            {
                var disk = Host.ResizeVhd(path, SizeBytes);
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
