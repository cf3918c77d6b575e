# Dot-sourced by lab-script.ps1: a helper function as lab scripts write them.
function New-LabVm {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [long] $Memory = 256MB,
        [switch] $Nested
    )
    $vm = New-VM -Name $Name -MemoryStartupBytes $Memory -NoVHD
    if ($Nested) {
        Set-VMProcessor -VMName $Name -ExposeVirtualizationExtensions $true
    }
    $vm
}
