# The script half of the HyperNest module: what a binary module cannot declare.

# netsh is an external program on Windows; on Linux there is none, so the documents' netsh lines go to
# HyperNest's Invoke-Netsh (the DNS subset of netsh's grammar).
Set-Alias -Name netsh -Value Invoke-Netsh

# Invoke-Command -VMName (PowerShell Direct). PowerShell's own Invoke-Command has the VMName/VMId
# parameter sets, but on Linux they need Hyper-V's sockets and a credential. This proxy keeps every
# parameter set of the real cmdlet and sends only the VM ones to HyperNest's Invoke-VMCommand; -ComputerName,
# -Session, -HostName and plain local script blocks still reach Microsoft.PowerShell.Core\Invoke-Command.
$coreInvokeCommand = Get-Command -Name Invoke-Command -Module Microsoft.PowerShell.Core -CommandType Cmdlet
$metadata = [System.Management.Automation.CommandMetadata]::new($coreInvokeCommand)
foreach ($set in 'VMName', 'VMId', 'FilePathVMName', 'FilePathVMId') {
    # Hyper-V signs in to the guest; HyperNest's guest agent needs no account (see Invoke-VMCommand).
    $metadata.Parameters['Credential'].ParameterSets[$set].IsMandatory = $false
}

# .ExternalHelp: the proxy's help is in the module's MAML file (en-US/), written by scripts/help/Build-Help.ps1.
$proxyBody = @"
# .ExternalHelp HyperNest.PowerShell.dll-Help.xml
$([System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($metadata))
param($([System.Management.Automation.ProxyCommand]::GetParamBlock($metadata)))
begin {
    `$target = if (`$PSCmdlet.ParameterSetName -in 'VMName', 'VMId', 'FilePathVMName', 'FilePathVMId') {
        Get-Command -Name Invoke-VMCommand -Module HyperNest -CommandType Cmdlet
    } else {
        Get-Command -Name Invoke-Command -Module Microsoft.PowerShell.Core -CommandType Cmdlet
    }
    `$wrapped = { & `$target @PSBoundParameters }
    `$steppable = `$wrapped.GetSteppablePipeline(`$MyInvocation.CommandOrigin)
    `$steppable.Begin(`$PSCmdlet)
}
process { if (`$null -ne `$steppable) { `$steppable.Process(`$_) } }
end { if (`$null -ne `$steppable) { `$steppable.End() } }
clean { if (`$null -ne `$steppable) { `$steppable.Clean() } }
"@
New-Item -Path Function:\Invoke-Command -Value ([scriptblock]::Create($proxyBody)) -Force | Out-Null
Remove-Variable -Name coreInvokeCommand, metadata, set, proxyBody

# Tab completion of the names of VMs and switches that exist (as Hyper-V's module completes them).
$completeVmName = {
    param($commandName, $parameterName, $wordToComplete)
    HyperNest\Get-VM -ErrorAction Ignore | Where-Object Name -like "$wordToComplete*" | ForEach-Object {
        $text = if ($_.Name -match '[\s''"$`]') { "'" + ($_.Name -replace "'", "''") + "'" } else { $_.Name }
        [System.Management.Automation.CompletionResult]::new($text, $_.Name, 'ParameterValue', "$($_.Name) ($($_.State))")
    }
}
$completeSwitchName = {
    param($commandName, $parameterName, $wordToComplete)
    HyperNest\Get-VMSwitch -ErrorAction Ignore | Where-Object Name -like "$wordToComplete*" | ForEach-Object {
        $text = if ($_.Name -match '[\s''"$`]') { "'" + ($_.Name -replace "'", "''") + "'" } else { $_.Name }
        [System.Management.Automation.CompletionResult]::new($text, $_.Name, 'ParameterValue', "$($_.Name) ($($_.SwitchType))")
    }
}
Register-ArgumentCompleter -ParameterName VMName -ScriptBlock $completeVmName
Register-ArgumentCompleter -ParameterName SwitchName -ScriptBlock $completeSwitchName
# -Name names an existing VM on these (on New-VM it is a new name, so nothing is offered there).
$vmNameCommands = 'Get-VM', 'Start-VM', 'Stop-VM', 'Restart-VM', 'Suspend-VM', 'Resume-VM', 'Remove-VM', 'Rename-VM',
    'Wait-VM', 'Set-VM', 'Get-VMConsole', 'Copy-VMFile', 'Update-VMVersion', 'Remove-VMSavedState'
Register-ArgumentCompleter -CommandName $vmNameCommands -ParameterName Name -ScriptBlock $completeVmName
Register-ArgumentCompleter -CommandName 'Get-VMSwitch', 'Remove-VMSwitch', 'Rename-VMSwitch' -ParameterName Name -ScriptBlock $completeSwitchName
Remove-Variable -Name completeVmName, completeSwitchName, vmNameCommands

Export-ModuleMember -Function Invoke-Command -Alias netsh
