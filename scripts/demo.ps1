# HyperNest's main job until networking lands: a real VM from the tiny image, booted under QEMU.
Get-VMHost | Format-List ComputerName, Accelerator, AcceleratorReason, LogicalProcessorCount, QemuVersion
New-VMImage -Name tiny
Get-VM -Name 'hn-demo*' | Stop-VM -TurnOff
Get-VM -Name 'hn-demo*' | Remove-VM -Force
New-VM -Name hn-demo -MemoryStartupBytes 512MB -Image tiny
Start-VM hn-demo
Wait-VM -Name hn-demo -For Heartbeat -Timeout 300
Get-VMConsole -VMName hn-demo -Last 15
Get-VM
Stop-VM hn-demo
Get-VM hn-demo
Remove-VM hn-demo -Force
