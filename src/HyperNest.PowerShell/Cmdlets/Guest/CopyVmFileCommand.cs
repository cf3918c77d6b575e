using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Guest;

[Cmdlet("Copy", "VMFile", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
public sealed class CopyVmFileCommand : HyperNestCmdlet
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

    protected override void Process()
    {
        if (!string.Equals(FileSource, HostSource, StringComparison.OrdinalIgnoreCase))
        {
            ThrowParameterError($"Copy-VMFile copies from this host into the guest only: -FileSource Host is the only value (as in Hyper-V); '{FileSource}' is not one.");
        }

        VmNameResolver.ForEach(
            Virtualization,
            ParameterSetName == ByObject ? null : Name,
            ParameterSetName == ByObject ? VM : null,
            name =>
            {
                if (ShouldProcess(name))
                {
                    Virtualization.CopyFileToGuest(name, SourcePath, DestinationPath, CreateFullPath, Force, CancellationToken);
                }
            },
            WriteError);
    }
}
