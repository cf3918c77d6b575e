using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Commands.Vm;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Guest;

[Cmdlet("Copy", "VMFile", DefaultParameterSetName = ByName, Synopsis = "Copies a file from this host into a running virtual machine through its guest agent.")]
public sealed class CopyVmFileCommand : Cmdlet
{
    private const string ByName = "Name";
    private const string ByObject = "VMObject";

    /// <summary>Hyper-V's CopyFileSourceType has this one value: files go from the host into the guest.</summary>
    private const string HostSource = "Host";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VirtualMachine[]? VM { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    public string SourcePath { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2)]
    public string DestinationPath { get; set; } = "";

    [Parameter(Mandatory = true)]
    public string FileSource { get; set; } = "";

    [Parameter]
    public SwitchParameter CreateFullPath { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected internal override void ProcessRecord()
    {
        if (!string.Equals(FileSource, HostSource, StringComparison.OrdinalIgnoreCase))
        {
            ThrowParameterError($"Copy-VMFile copies from this host into the guest only: -FileSource Host is the only value (as in Hyper-V); '{FileSource}' is not one.");
        }

        VmNameResolver.ForEach(
            Host,
            ParameterSetName == ByObject ? null : Name,
            ParameterSetName == ByObject ? VM : null,
            name => Host.CopyFileToGuest(name, SourcePath, DestinationPath, CreateFullPath, Force, CancellationToken),
            WriteError);
    }
}
