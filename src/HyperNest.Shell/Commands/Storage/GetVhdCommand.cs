using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Storage;

[Cmdlet("Get", "VHD", Synopsis = "Gets a virtual hard disk's format, type, size and parent.")]
public sealed class GetVhdCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "HardDrivePath")]
    public string[] Path { get; set; } = [];

    protected internal override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            try
            {
                WriteObject(Host.GetVhd(path));
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }
}
