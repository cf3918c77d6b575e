using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Cmdlets.Vm;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Firmware;

/// <summary>
/// Set-VMFirmware: boot order and UEFI settings of generation 2 VMs. -BootOrder and -FirstBootDevice take
/// what Hyper-V's do (VMComponentObject): drive and network adapter objects, or Get-VMFirmware's boot entries.
/// </summary>
[Cmdlet("Set", "VMFirmware", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
[OutputType(typeof(VmFirmware))]
public sealed class SetVmFirmwareCommand : VmSettingsCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? BootOrder { get; set; }

    [Parameter]
    [ValidateNotNull]
    public object? FirstBootDevice { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? EnableSecureBoot { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecureBootTemplate { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Guid? SecureBootTemplateId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public IPProtocolPreference? PreferredNetworkBootProtocol { get; set; }

    [Parameter]
    [ValidateNotNull]
    public OnOffState? PauseAfterBootFailure { get; set; }

    [Parameter]
    public SwitchParameter Passthru { get; set; }

    protected override void BeginProcessing()
    {
        if (BootOrder is not null && FirstBootDevice is not null)
        {
            ThrowParameterError("-BootOrder and -FirstBootDevice both say what boots first: give one of them.");
        }

        WarnIgnored(nameof(SecureBootTemplateId), "Secure Boot is off on HyperNest, so no template applies.");
        WarnIgnored(nameof(PauseAfterBootFailure), "OVMF shows its boot manager when no device boots; the virtual machine keeps running.");
    }

    protected override void Act(string vmName)
    {
        var request = new SetFirmwareRequest
        {
            BootOrder = BootOrder?.Select(DeviceId).ToList(),
            FirstBootDevice = FirstBootDevice is null ? null : DeviceId(FirstBootDevice),
            EnableSecureBoot = EnableSecureBoot,
            SecureBootTemplate = SecureBootTemplate,
            PreferredNetworkBootProtocol = PreferredNetworkBootProtocol,
        };
        if (ShouldProcess(vmName))
        {
            var firmware = Virtualization.SetVmFirmware(vmName, request);
            if (Passthru)
            {
                WriteObject(firmware);
            }
        }
    }

    /// <summary>The host knows boot devices by id; anything but a drive, adapter or boot entry is the caller's mistake.</summary>
    private Guid DeviceId(object device) => (device is PSObject wrapped ? wrapped.BaseObject : device) switch
    {
        VmHardDiskDrive drive => drive.DriveId,
        VmDvdDrive drive => drive.DriveId,
        VmNetworkAdapter adapter => adapter.AdapterId,
        VmBootSource entry => entry.DeviceId,
        var other => throw Terminate(new ErrorRecord(
            new ArgumentException($"'{other}' ({other.GetType().Name}) is not a boot device. Give drives and network adapters as objects: " +
                "Get-VMHardDiskDrive, Get-VMDvdDrive, Get-VMNetworkAdapter, or entries of (Get-VMFirmware).BootOrder."),
            "InvalidBootDevice", ErrorCategory.InvalidArgument, other)),
    };
}
