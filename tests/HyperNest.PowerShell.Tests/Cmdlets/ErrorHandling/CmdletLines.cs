namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// One valid line per command of the module, with every mandatory parameter given, naming the objects
/// <see cref="KnownObjectsHost"/> knows (VM L1 with its adapter, disk at SCSI 0:0 and DVD at SCSI 0:1, switch S1, NAT N1, 10.0.0.4 on Ethernet).
/// </summary>
public static class CmdletLines
{
    public static IReadOnlyDictionary<string, string> ByCommand { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-VM"] = "Get-VM -Name L1",
        ["New-VM"] = "New-VM -Name L1",
        ["Set-VM"] = "Set-VM -Name L1 -ProcessorCount 2",
        ["Start-VM"] = "Start-VM -Name L1",
        ["Stop-VM"] = "Stop-VM -Name L1",
        ["Suspend-VM"] = "Suspend-VM -Name L1",
        ["Resume-VM"] = "Resume-VM -Name L1",
        ["Restart-VM"] = "Restart-VM -Name L1",
        ["Remove-VM"] = "Remove-VM -Name L1 -Force",
        ["Rename-VM"] = "Rename-VM -Name L1 -NewName L9",
        ["Wait-VM"] = "Wait-VM -Name L1 -Timeout 1",
        ["Update-VMVersion"] = "Update-VMVersion -Name L1",
        ["Remove-VMSavedState"] = "Remove-VMSavedState -VMName L1",
        ["Get-VMProcessor"] = "Get-VMProcessor -VMName L1",
        ["Set-VMProcessor"] = "Set-VMProcessor -VMName L1 -Count 2",
        ["Get-VMMemory"] = "Get-VMMemory -VMName L1",
        ["Set-VMMemory"] = "Set-VMMemory -VMName L1 -StartupBytes 1GB",
        ["Set-VMHost"] = "Set-VMHost -VirtualMachineMemoryLimitBytes 8GB",
        ["Get-VMConsole"] = "Get-VMConsole -VMName L1",
        ["Get-VMEvent"] = "Get-VMEvent -VMName L1",
        ["Get-VMHost"] = "Get-VMHost",
        ["Get-VMHostSupportedVersion"] = "Get-VMHostSupportedVersion",
        ["Get-VMImage"] = "Get-VMImage",
        ["New-VMImage"] = "New-VMImage -Name tiny",
        ["New-VHD"] = "New-VHD -Path /tmp/hn-test.vhdx -SizeBytes 1GB",
        ["Get-VHD"] = "Get-VHD -Path /tmp/hn-test.vhdx",
        ["Resize-VHD"] = "Resize-VHD -Path /tmp/hn-test.vhdx -SizeBytes 2GB",
        ["Get-VMHardDiskDrive"] = "Get-VMHardDiskDrive -VMName L1",
        ["Add-VMHardDiskDrive"] = "Add-VMHardDiskDrive -VMName L1 -ControllerType SCSI -Path /tmp/hn-test.vhdx",
        ["Set-VMHardDiskDrive"] = "Set-VMHardDiskDrive -VMName L1 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 0 -ToControllerLocation 1",
        ["Remove-VMHardDiskDrive"] = "Remove-VMHardDiskDrive -VMName L1 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 0",
        ["Get-VMDvdDrive"] = "Get-VMDvdDrive -VMName L1",
        ["Add-VMDvdDrive"] = "Add-VMDvdDrive -VMName L1 -Path /tmp/hn-test.iso",
        ["Set-VMDvdDrive"] = "Set-VMDvdDrive -VMName L1 -ControllerNumber 0 -ControllerLocation 1 -Path $null",
        ["Remove-VMDvdDrive"] = "Remove-VMDvdDrive -VMName L1 -ControllerNumber 0 -ControllerLocation 1",
        ["Get-VMFirmware"] = "Get-VMFirmware -VMName L1",
        ["Set-VMFirmware"] = "Set-VMFirmware -VMName L1 -EnableSecureBoot Off",
        ["New-VMSwitch"] = "New-VMSwitch -Name S1 -SwitchType Internal",
        ["Get-VMSwitch"] = "Get-VMSwitch -Name S1",
        ["Remove-VMSwitch"] = "Remove-VMSwitch -Name S1 -Force",
        ["Rename-VMSwitch"] = "Rename-VMSwitch -Name S1 -NewName S2",
        ["Get-VMNetworkAdapter"] = "Get-VMNetworkAdapter -VMName L1",
        ["Add-VMNetworkAdapter"] = "Add-VMNetworkAdapter -VMName L1",
        ["Remove-VMNetworkAdapter"] = "Remove-VMNetworkAdapter -VMName L1 -Name 'Network Adapter'",
        ["Rename-VMNetworkAdapter"] = "Rename-VMNetworkAdapter -VMName L1 -NewName Lan",
        ["Connect-VMNetworkAdapter"] = "Connect-VMNetworkAdapter -VMName L1 -SwitchName S1",
        ["Disconnect-VMNetworkAdapter"] = "Disconnect-VMNetworkAdapter -VMName L1",
        ["Set-VMNetworkAdapter"] = "Set-VMNetworkAdapter -VMName L1 -MacAddressSpoofing On",
        ["Get-VMNetworkAdapterVlan"] = "Get-VMNetworkAdapterVlan -VMName L1",
        ["Set-VMNetworkAdapterVlan"] = "Set-VMNetworkAdapterVlan -VMName L1 -Access -VlanId 10",
        ["Get-VMIntegrationService"] = "Get-VMIntegrationService -VMName L1",
        ["Enable-VMIntegrationService"] = "Enable-VMIntegrationService -VMName L1 -Name Shutdown",
        ["Disable-VMIntegrationService"] = "Disable-VMIntegrationService -VMName L1 -Name Shutdown",
        ["Copy-VMFile"] = "Copy-VMFile -Name L1 -SourcePath /tmp/a.txt -DestinationPath /root/a.txt -FileSource Host",
        ["Invoke-Command"] = "Invoke-Command -VMName L1 -ScriptBlock { hostname }",
        ["New-PSSession"] = "New-PSSession -VMName L1",
        ["Enter-PSSession"] = "Enter-PSSession -VMName L1",
        ["New-VMPSSession"] = "New-VMPSSession -VMName L1",
        ["Get-NetAdapter"] = "Get-NetAdapter -Name Ethernet",
        ["Get-NetIPAddress"] = "Get-NetIPAddress -IPAddress 10.0.0.4",
        ["New-NetIPAddress"] = "New-NetIPAddress -IPAddress 10.0.0.9 -InterfaceAlias Ethernet",
        ["Remove-NetIPAddress"] = "Remove-NetIPAddress -IPAddress 10.0.0.4",
        ["New-NetNat"] = "New-NetNat -Name N1 -InternalIPInterfaceAddressPrefix 10.1.0.0/24",
        ["Get-NetNat"] = "Get-NetNat -Name N1",
        ["Remove-NetNat"] = "Remove-NetNat -Name N1",
        ["Get-DnsClientServerAddress"] = "Get-DnsClientServerAddress -InterfaceAlias Ethernet",
        ["Set-DnsClientServerAddress"] = "Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 10.0.0.53",
        ["Invoke-Netsh"] = "Invoke-Netsh interface ip add dnsserver Ethernet 10.0.0.53",
        ["Resolve-DnsName"] = "Resolve-DnsName vm1.lab -Server 127.0.0.1",
    };

    /// <summary>Commands that never call the host API (Resolve-DnsName asks DNS servers itself).</summary>
    public static IReadOnlySet<string> WithoutHostCalls { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Resolve-DnsName" };

    /// <summary>The lines of the commands that call the host API.</summary>
    public static TheoryData<string> HostCalling =>
        [.. ByCommand.Where(c => !WithoutHostCalls.Contains(c.Key)).Select(c => c.Value)];
}
