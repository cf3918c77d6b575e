using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>
/// Every action HyperNest can take on this host, in one list. Every rule and precondition lives behind
/// this interface (never in the cmdlets or a web API, which only translate to it). Each action names
/// its lifecycle precondition; a refused action throws <see cref="HostException"/> and changes nothing.
/// Every call first reconciles the stored state of the VMs it touches with their live QEMU processes.
/// </summary>
public interface IVirtualizationHost : IDisposable
{
    /// <summary>The host's processor, memory, accelerator (KVM or TCG, and why) and supported versions.</summary>
    VmHost GetHost();

    /// <summary>Set-VMHost: the host-wide settings given (null: leave as is).</summary>
    VmHost SetHost(SetHostRequest request);

    IReadOnlyList<VmHostSupportedVersion> GetSupportedVersions();

    /// <summary>All VMs, ordered by name, each reconciled with its process.</summary>
    IReadOnlyList<VirtualMachine> GetVms();

    /// <summary>One VM by exact (case-insensitive) name; throws ObjectNotFound.</summary>
    VirtualMachine GetVm(string name);

    /// <summary>One VM by its id (Hyper-V's VMId); throws ObjectNotFound.</summary>
    VirtualMachine GetVm(Guid id);

    /// <summary>Creates a VM (Off). Refused: duplicate name, bad name, unsupported version or generation, bad memory size.</summary>
    VirtualMachine NewVm(NewVmRequest request, IProgress<ProgressUpdate>? progress = null);

    /// <summary>Starts an Off VM, or restores a Saved one. Running: no-op. Paused: refused (use Resume-VM).</summary>
    VirtualMachine StartVm(string name);

    /// <summary>Stops a Running or Paused VM as <paramref name="mode"/> says. Off: no-op. Saved: only TurnOff (discards state).</summary>
    VirtualMachine StopVm(string name, StopMode mode);

    /// <summary>Pauses a Running VM.</summary>
    VirtualMachine SuspendVm(string name);

    /// <summary>Resumes a Paused VM.</summary>
    VirtualMachine ResumeVm(string name);

    /// <summary>Resets a Running VM (hard reset, like Restart-VM -Force).</summary>
    VirtualMachine RestartVm(string name);

    /// <summary>Deletes the VM's configuration and the disks HyperNest created for it. Only while Off or Saved.</summary>
    void RemoveVm(string name);

    /// <summary>Renames a VM (any state). Refused if the new name is taken or invalid.</summary>
    VirtualMachine RenameVm(string name, string newName);

    /// <summary>
    /// Set-VM: changes several settings at once, all or nothing (a running VM's memory is resized first, and a
    /// refused resize changes nothing). Processor count only while Off; memory with Set-VMMemory's rules; the
    /// new name, notes and automatic actions in any state (the actions are only stored; the service acts on them).
    /// </summary>
    VirtualMachine SetVm(string name, SetVmRequest request);

    VmProcessor GetVmProcessor(string name);

    /// <summary>Changes processor settings. Only while Off.</summary>
    VmProcessor SetVmProcessor(string name, SetProcessorRequest request);

    VmMemory GetVmMemory(string name);

    /// <summary>
    /// Changes memory settings: startup memory while Off, or a running static VM's memory now (runtime resize);
    /// Dynamic Memory on or off while Off, its range, buffer and priority any time. No resize while a
    /// hypervisor runs inside, unless ResizeWithNestedHypervisor.
    /// </summary>
    VmMemory SetVmMemory(string name, SetMemoryRequest request);

    /// <summary>Upgrades the configuration version. Only while Off; never downgrades.</summary>
    VirtualMachine UpdateVmVersion(string name, VmConfigurationVersion? target = null);

    /// <summary>Deletes a Saved VM's saved state; the VM becomes Off.</summary>
    VirtualMachine RemoveVmSavedState(string name);

    /// <summary>Waits until the condition holds; throws OperationTimeout when it does not in time.</summary>
    VirtualMachine WaitVm(string name, WaitForCondition condition, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>The last lines of the VM's serial console, without terminal control sequences unless <paramref name="raw"/>.</summary>
    IReadOnlyList<string> GetVmConsole(string name, int lastLines, bool raw = false);

    /// <summary>The newest <paramref name="newest"/> events of the VM (of every VM, removed ones too, when <paramref name="name"/> is null), newest first.</summary>
    IReadOnlyList<VmEvent> GetVmEvents(string? name, int newest);

    VirtualHardDisk NewVhd(NewVhdRequest request);

    VirtualHardDisk GetVhd(string path);

    /// <summary>Grows (or shrinks, when the file system allows) a disk. Refused while a running VM uses it.</summary>
    VirtualHardDisk ResizeVhd(string path, long sizeBytes);

    // ---- Drives (Add-/Get-/Set-/Remove-VMHardDiskDrive, *-VMDvdDrive) and firmware (Get-/Set-VMFirmware) ----

    /// <summary>The VM's hard drives in controller order (IDE before SCSI, then number, then location).</summary>
    IReadOnlyList<VmHardDiskDrive> GetVmHardDiskDrives(string vmName);

    /// <summary>
    /// Attaches a disk file at the asked (or first free) location. IDE only while Off; SCSI also while Running
    /// or Paused (hot-plug). Refused: IDE on generation 2, a taken or missing location, a missing file, a file
    /// another drive holds, a Saved VM.
    /// </summary>
    VmHardDiskDrive AddVmHardDiskDrive(string vmName, AddDriveRequest request);

    /// <summary>Moves the drive or changes its file. Only while Off.</summary>
    VmHardDiskDrive SetVmHardDiskDrive(string vmName, Guid driveId, SetDriveRequest request);

    /// <summary>Detaches the drive (never deletes its file). IDE only while Off; SCSI also while Running or Paused.</summary>
    void RemoveVmHardDiskDrive(string vmName, Guid driveId);

    IReadOnlyList<VmDvdDrive> GetVmDvdDrives(string vmName);

    /// <summary>Adds a DVD drive (IDE on generation 1, SCSI on generation 2), empty or with an ISO. Only while Off.</summary>
    VmDvdDrive AddVmDvdDrive(string vmName, AddDriveRequest request);

    /// <summary>Changes the ISO, takes it out, or moves the drive. Only while Off.</summary>
    VmDvdDrive SetVmDvdDrive(string vmName, Guid driveId, SetDriveRequest request);

    /// <summary>Removes the DVD drive (the ISO stays). Only while Off.</summary>
    void RemoveVmDvdDrive(string vmName, Guid driveId);

    /// <summary>A generation 2 VM's firmware settings and boot order; refused on generation 1.</summary>
    VmFirmware GetVmFirmware(string vmName);

    /// <summary>Changes the boot order and firmware settings of a generation 2 VM. Only while Off; Secure Boot On is refused.</summary>
    VmFirmware SetVmFirmware(string vmName, SetFirmwareRequest request);

    /// <summary>
    /// PowerShell Direct into a Running VM (Invoke-Command -VMName, New-PSSession -VMName): the VM's name and
    /// id, and how to connect to the PowerShell endpoint in the guest. Refused when the VM is not running.
    /// </summary>
    PowerShellDirectTarget GetPowerShellDirectTarget(string vmName);

    /// <summary>Copies a host file into a Running guest (Copy-VMFile -FileSource Host).</summary>
    void CopyFileToGuest(string vmName, string sourcePath, string destinationPath, bool createFullPath, bool force, CancellationToken cancellationToken = default);

    /// <summary>Raised for things the user should know that are not errors (e.g. a VM runs without hardware virtualization).</summary>
    event EventHandler<string>? Warning;

    IReadOnlyList<VmImage> GetImages();

    /// <summary>Builds an image (cached by its recipe hash); returns at once when it is already built unless <paramref name="force"/>.</summary>
    VmImage NewImage(string name, bool force, IProgress<ProgressUpdate>? progress = null);

    // ---- Virtual switches (New-/Get-/Remove-/Rename-VMSwitch) ----

    /// <summary>Creates a switch and its bridge (and for External binds the NIC). Refused: duplicate or bad name, unknown or busy NIC, bad type.</summary>
    VmSwitch NewVmSwitch(NewVmSwitchRequest request);

    /// <summary>All switches, ordered by name.</summary>
    IReadOnlyList<VmSwitch> GetVmSwitches();

    /// <summary>One switch by exact (case-insensitive) name; throws ObjectNotFound.</summary>
    VmSwitch GetVmSwitch(string name);

    /// <summary>Deletes a switch. Refused while VM adapters are connected unless <paramref name="force"/> (they are disconnected).</summary>
    void RemoveVmSwitch(string name, bool force);

    VmSwitch RenameVmSwitch(string name, string newName);

    // ---- VM network adapters (Add-/Remove-/Connect-/Disconnect-/Get-/Set-VMNetworkAdapter) ----

    /// <summary>The VM's adapters, in slot order.</summary>
    IReadOnlyList<VmNetworkAdapter> GetVmNetworkAdapters(string vmName);

    /// <summary>The host's own adapters on switches ("vEthernet (Name)"), Get-VMNetworkAdapter -ManagementOS.</summary>
    IReadOnlyList<VmNetworkAdapter> GetManagementOsNetworkAdapters();

    /// <summary>Adds an adapter. Only while the VM is Off (no hot-add yet).</summary>
    VmNetworkAdapter AddVmNetworkAdapter(string vmName, AddVmNetworkAdapterRequest request);

    void RemoveVmNetworkAdapter(string vmName, Guid adapterId);

    /// <summary>Connects (or moves) the adapter to a switch; applies at once to a running VM.</summary>
    VmNetworkAdapter ConnectVmNetworkAdapter(string vmName, Guid adapterId, string switchName);

    /// <summary>Unplugs the adapter from its switch; a running guest sees its link go down.</summary>
    VmNetworkAdapter DisconnectVmNetworkAdapter(string vmName, Guid adapterId);

    /// <summary>Renames the adapter (any state; names need not be unique, as in Hyper-V). Refused: empty name, management-OS adapter.</summary>
    VmNetworkAdapter RenameVmNetworkAdapter(string vmName, Guid adapterId, string newName);

    /// <summary>Changes port settings (applied at once to a running VM's port) or the MAC (only while Off).</summary>
    VmNetworkAdapter SetVmNetworkAdapter(string vmName, Guid adapterId, SetVmNetworkAdapterRequest request);

    /// <summary>
    /// Get-VMNetworkAdapterVlan: the VLAN settings of the VM's adapters, or with a null <paramref name="vmName"/>
    /// of the management OS's adapters (the host's ports on Internal and External switches).
    /// </summary>
    IReadOnlyList<VmNetworkAdapterVlanSetting> GetVmNetworkAdapterVlans(string? vmName);

    /// <summary>
    /// Set-VMNetworkAdapterVlan: Untagged, Access or Trunk, in any state; applied at once to a running VM's
    /// port and stored for its next start. An empty <paramref name="vmName"/> with a management-OS adapter's id sets
    /// the host's port. Refused: a bad ID or list, Private VLANs, or a kernel without bridge VLAN filtering.
    /// </summary>
    VmNetworkAdapterVlanSetting SetVmNetworkAdapterVlan(string vmName, Guid adapterId, SetVlanRequest request);

    // ---- Integration services (Get-/Enable-/Disable-VMIntegrationService) ----

    /// <summary>The VM's integration services with their status (any state).</summary>
    IReadOnlyList<VmIntegrationComponent> GetVmIntegrationServices(string vmName);

    /// <summary>Offers or withdraws one service (any state; used from the next action on). Refused: an unknown name.</summary>
    VmIntegrationComponent SetVmIntegrationService(string vmName, string name, bool enabled);

    // ---- This machine's own networking (Get-NetAdapter, *-NetIPAddress, *-NetNat, DNS client) ----

    /// <summary>Every interface under its Windows-style name, ordered by ifIndex (loopback, taps and private bridges left out).</summary>
    IReadOnlyList<NetAdapter> GetNetAdapters();

    /// <summary>Every address of the interfaces Get-NetAdapter shows, plus loopback.</summary>
    IReadOnlyList<NetIpAddress> GetNetIpAddresses();

    /// <summary>Adds an address (and the default route when a gateway is given); kept and re-applied at boot.</summary>
    IReadOnlyList<NetIpAddress> NewNetIpAddress(NewNetIpAddressRequest request);

    /// <summary>Removes an address (and a default route that only it made reachable); the stored copy goes too.</summary>
    void RemoveNetIpAddress(NetInterfaceSelector selector, string ipAddress);

    /// <summary>Creates a NAT (masquerade of the prefix, IP forwarding on). Refused: duplicate name, bad prefix, overlap with another NAT or a host address.</summary>
    NetNat NewNetNat(string name, string internalIPInterfaceAddressPrefix);

    IReadOnlyList<NetNat> GetNetNats();

    void RemoveNetNat(string name);

    /// <summary>The DNS servers configured per interface (IPv4), as Get-DnsClientServerAddress shows them.</summary>
    IReadOnlyList<DnsClientServerAddress> GetDnsClientServerAddresses();

    /// <summary>Replaces the interface's DNS servers (empty: resets them); resolv.conf is rewritten.</summary>
    DnsClientServerAddress SetDnsClientServerAddresses(NetInterfaceSelector selector, IReadOnlyList<string> serverAddresses);

    /// <summary>netsh interface ip add dnsserver: inserts at 1-based <paramref name="index"/> (end when null); an address already listed is refused.</summary>
    DnsClientServerAddress AddDnsClientServerAddress(NetInterfaceSelector selector, string serverAddress, int? index);

    /// <summary>
    /// Re-applies the stored network configuration (bridges, NIC bindings, addresses, routes, NATs, DNS,
    /// port guards) when this boot or namespace has not had it yet. Every network action does this first;
    /// the guest's boot script calls it directly.
    /// </summary>
    void RestoreNetwork();

    /// <summary>
    /// The machine shuts down: each running or paused VM's AutomaticStopAction (Save, TurnOff, ShutDown), one
    /// VM after another; a VM that cannot is reported and the rest go on.
    /// </summary>
    IReadOnlyList<AutomaticStopResult> ApplyAutomaticStopActions();
}
