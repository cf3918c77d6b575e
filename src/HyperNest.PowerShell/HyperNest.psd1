@{
    # HyperNest: Hyper-V's cmdlets for Linux (QEMU, KVM or TCG, bridges, nftables).
    # The dll sits beside the hypernest executable, two folders up (Modules/HyperNest/ holds this manifest).
    RootModule        = '../../HyperNest.PowerShell.dll'
    NestedModules     = @('HyperNest.Script.psm1')
    ModuleVersion     = '0.9.0'
    GUID              = '5d0f3c2e-7c1b-4b5e-9b8e-2f6a1e4c9d31'
    Author            = 'HyperNest'
    Description       = "Hyper-V's virtualization cmdlets on Linux: VMs on QEMU (KVM or TCG) that can run their own hypervisor and VMs, switches on Linux bridges, NAT on nftables."
    PowerShellVersion = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess  = @('HyperNest.format.ps1xml')
    TypesToProcess    = @('HyperNest.types.ps1xml')
    # Listed, not '*': PowerShell's command discovery reads this list to autoload the module (a session that
    # starts without HyperNest, like PowerShell Direct's, finds Get-VM through it); '*' would hide them all.
    CmdletsToExport   = @(
        'Add-VMDvdDrive', 'Add-VMHardDiskDrive', 'Add-VMNetworkAdapter', 'Connect-VMNetworkAdapter', 'Copy-VMFile',
        'Disable-VMIntegrationService', 'Disconnect-VMNetworkAdapter', 'Enable-VMIntegrationService',
        'Get-DnsClientServerAddress', 'Get-NetAdapter', 'Get-NetIPAddress', 'Get-NetNat', 'Get-VHD', 'Get-VM',
        'Get-VMConsole', 'Get-VMDvdDrive', 'Get-VMEvent', 'Get-VMFirmware', 'Get-VMHardDiskDrive', 'Get-VMHost',
        'Get-VMHostSupportedVersion', 'Get-VMImage', 'Get-VMIntegrationService', 'Get-VMMemory',
        'Get-VMNetworkAdapter', 'Get-VMNetworkAdapterVlan', 'Get-VMProcessor', 'Get-VMSwitch', 'Invoke-Netsh',
        'New-NetIPAddress', 'New-NetNat', 'New-VHD', 'New-VM', 'New-VMImage', 'New-VMPSSession', 'New-VMSwitch',
        'Remove-NetIPAddress', 'Remove-NetNat', 'Remove-VM', 'Remove-VMDvdDrive', 'Remove-VMHardDiskDrive',
        'Remove-VMNetworkAdapter', 'Remove-VMSavedState', 'Remove-VMSwitch', 'Rename-VM', 'Rename-VMNetworkAdapter',
        'Rename-VMSwitch', 'Resize-VHD', 'Resolve-DnsName', 'Restart-VM', 'Resume-VM', 'Set-DnsClientServerAddress',
        'Set-VM', 'Set-VMDvdDrive', 'Set-VMFirmware', 'Set-VMHardDiskDrive', 'Set-VMHost', 'Set-VMMemory', 'Set-VMNetworkAdapter',
        'Set-VMNetworkAdapterVlan', 'Set-VMProcessor', 'Start-VM', 'Stop-VM', 'Suspend-VM', 'Update-VMVersion',
        'Wait-VM'
    )
    FunctionsToExport = @('Invoke-Command', 'New-PSSession', 'Enter-PSSession')
    AliasesToExport   = @('netsh')
    VariablesToExport = @()
}
