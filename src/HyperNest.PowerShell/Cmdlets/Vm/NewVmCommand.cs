using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Vm;

[Cmdlet("New", "VM", DefaultParameterSetName = NoVhdSet, SupportsShouldProcess = true)]
public sealed class NewVmCommand : HyperNestCmdlet
{
    private const string NoVhdSet = "No VHD";
    private const string NewVhdSet = "New VHD";
    private const string ExistingVhdSet = "Existing VHD";
    private const string ImageSet = "Image";

    [Parameter(Position = 0)]
    [Alias("VMName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Position = 1)]
    [ValidateNotNull]
    public long? MemoryStartupBytes { get; set; }

    [Parameter]
    [ValidateNotNull]
    public int? Generation { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Version { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SwitchName { get; set; }

    [Parameter]
    [ValidateNotNull]
    public BootDevice? BootDevice { get; set; }

    [Parameter(ParameterSetName = NoVhdSet)]
    public SwitchParameter NoVHD { get; set; }

    [Parameter(ParameterSetName = NewVhdSet, Mandatory = true)]
    public string? NewVHDPath { get; set; }

    [Parameter(ParameterSetName = NewVhdSet, Mandatory = true)]
    public long? NewVHDSizeBytes { get; set; }

    [Parameter(ParameterSetName = ExistingVhdSet, Mandatory = true)]
    public string? VHDPath { get; set; }

    /// <summary>HyperNest's extension: a built guest image (see Get-VMImage) to boot from.</summary>
    [Parameter(ParameterSetName = ImageSet, Mandatory = true)]
    public string? Image { get; set; }

    protected override void Process()
    {
        VmConfigurationVersion? version = null;
        if (Version is not null)
        {
            if (!VmConfigurationVersion.TryParse(Version, out version))
            {
                ThrowParameterError(
                    $"'{Version}' is not a configuration version. Use a version such as 9.0 or 12.0; Get-VMHostSupportedVersion lists the ones this host supports.",
                    "InvalidVersion");
            }
        }

        // Unset parameters keep NewVmRequest's defaults, which are Hyper-V's (512 MB, generation 1).
        var defaults = new NewVmRequest { Name = Name ?? "New Virtual Machine" };
        var request = defaults with
        {
            MemoryStartupBytes = MemoryStartupBytes ?? defaults.MemoryStartupBytes,
            Generation = Generation ?? defaults.Generation,
            Version = version,
            Path = Path,
            SwitchName = SwitchName,
            BootDevice = BootDevice,
            NoVhd = NoVHD,
            NewVhdPath = NewVHDPath,
            NewVhdSizeBytes = NewVHDSizeBytes,
            VhdPath = VHDPath,
            Image = Image,
        };
        if (ShouldProcess(request.Name))
        {
            WriteObject(WithProgress((host, progress) => host.NewVm(request, progress)));
        }
    }
}
