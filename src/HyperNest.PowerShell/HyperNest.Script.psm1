# The script half of the HyperNest module: what a binary module cannot declare.

# netsh is an external program on Windows; on Linux there is none, so the documents' netsh lines go to
# HyperNest's Invoke-Netsh (the DNS subset of netsh's grammar).
Set-Alias -Name netsh -Value Invoke-Netsh

# PowerShell Direct: Invoke-Command, New-PSSession and Enter-PSSession with -VMName, -VMId or -VM. PowerShell's
# own cmdlets have the VMName/VMId parameter sets, but on Linux they need Hyper-V's sockets. These proxies keep
# every parameter set of the real cmdlet (so help, completion and every other use stay PowerShell's), add -VM
# sets beside the VMName ones, and turn a VM set into a PowerShell Direct session (New-VMPSSession) that the
# real cmdlet then uses as -Session. -Credential is optional, unlike on Hyper-V: the guest needs no sign-in.
function New-PowerShellDirectProxy([string] $Name, [string[]] $VmNameSets, [string] $Body) {
    $core = Get-Command -Name $Name -Module Microsoft.PowerShell.Core -CommandType Cmdlet
    $metadata = [System.Management.Automation.CommandMetadata]::new($core)
    foreach ($set in $VmNameSets + ($VmNameSets -replace 'VMName$', 'VMId')) {
        $metadata.Parameters['Credential'].ParameterSets[$set].IsMandatory = $false
    }

    # Every parameter of a VMName set is in the matching VM set too (VMName itself excepted); -VM is added.
    $parameters = [System.Management.Automation.ProxyCommand]::GetParamBlock($metadata) -split '(?<=\}),\r?\n\r?\n'
    $parameters = foreach ($parameter in $parameters) {
        if ($parameter -match '\$\{VMName\}') { $parameter; continue }
        ($parameter -split '\r?\n' | ForEach-Object {
            $_
            foreach ($set in $VmNameSets) {
                if ($_ -match "ParameterSetName='$set'") { $_ -replace "ParameterSetName='$set'", "ParameterSetName='$($set -replace 'VMName$', 'VM')'" }
            }
        }) -join "`n"
    }
    $vmParameter = ($VmNameSets | ForEach-Object { "    [Parameter(ParameterSetName='$($_ -replace 'VMName$', 'VM')', Mandatory=`$true, Position=0)]" }) -join "`n"
    $parameters = @($parameters) + "$vmParameter`n    [ValidateNotNullOrEmpty()]`n    [HyperNest.Model.VirtualMachine[]]`n    `${VM}"
    $proxy = @"
# .ExternalHelp HyperNest.PowerShell.dll-Help.xml
$([System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($metadata))
param($($parameters -join ",`n`n"))
$Body
"@
    # script: the module's scope (a plain Function:\ path would define it in this function's own scope).
    Set-Item -Path "Function:script:$Name" -Value ([scriptblock]::Create($proxy))
}

# Takes the VM parameters out of a proxy's bound parameters into $direct, for New-VMPSSession. Hyper-V's
# -ConfigurationName picks an endpoint configuration in the guest; HyperNest's guests have one, so it is refused.
$takeVmParameters = @'
        if ($PSBoundParameters.ContainsKey('ConfigurationName')) {
            throw [System.Management.Automation.PSArgumentException]::new(
                "HyperNest's guests have one PowerShell Direct endpoint, so -ConfigurationName '$ConfigurationName' cannot be chosen: leave it out.", 'ConfigurationName')
        }
        $direct = @{}
        foreach ($parameterName in 'VMName', 'VMId', 'VM', 'Credential') {
            if ($PSBoundParameters.ContainsKey($parameterName)) {
                $direct[$parameterName] = $PSBoundParameters[$parameterName]
                [void]$PSBoundParameters.Remove($parameterName)
            }
        }
'@

# Opens the sessions into $opened. New-VMPSSession runs as a pipeline of its own, whose refusals this proxy then
# writes as its own errors (under the caller's -ErrorAction): called directly, they would not set the caller's $? (an advanced function's
# nested errors do not), and through -ErrorVariable they would be counted twice.
$openSessions = @'
        $opener = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
        try {
            $opened = @($opener.AddCommand('HyperNest\New-VMPSSession').AddParameters($direct).AddParameter('ErrorAction', 'Continue').Invoke())
            foreach ($failure in $opener.Streams.Error) { $PSCmdlet.WriteError($failure) }
        } finally { $opener.Dispose() }
'@

New-PowerShellDirectProxy -Name Invoke-Command -VmNameSets VMName, FilePathVMName -Body (@'
begin {
    $sessions = $null
    if ($PSCmdlet.ParameterSetName -match 'VM(Name|Id)?$') {
#VM-PARAMETERS#
#OPEN-SESSIONS#
        $sessions = $opened
        if ($sessions.Count -eq 0) { return }
        $PSBoundParameters['Session'] = $sessions
    }
    $core = Get-Command -Name Invoke-Command -Module Microsoft.PowerShell.Core -CommandType Cmdlet
    $steppable = { & $core @PSBoundParameters }.GetSteppablePipeline($MyInvocation.CommandOrigin)
    $steppable.Begin($PSCmdlet)
}
process { if ($null -ne $steppable) { $steppable.Process($_) } }
end {
    try { if ($null -ne $steppable) { $steppable.End() } }
    finally { if ($sessions -and -not $AsJob) { Remove-PSSession -Session $sessions } }
}
clean {
    if ($null -ne $steppable) { $steppable.Clean() }
    if ($sessions -and -not $AsJob) { Remove-PSSession -Session $sessions -ErrorAction Ignore }
}
'@).Replace('#VM-PARAMETERS#', $takeVmParameters).Replace('#OPEN-SESSIONS#', $openSessions)

New-PowerShellDirectProxy -Name New-PSSession -VmNameSets VMName -Body (@'
begin {
    if ($PSCmdlet.ParameterSetName -match 'VM(Name|Id)?$') {
#VM-PARAMETERS#
        if ($PSBoundParameters.Remove('Name')) { $direct['SessionName'] = $Name }
        $steppable = { HyperNest\New-VMPSSession @direct }.GetSteppablePipeline($MyInvocation.CommandOrigin)
    } else {
        $core = Get-Command -Name New-PSSession -Module Microsoft.PowerShell.Core -CommandType Cmdlet
        $steppable = { & $core @PSBoundParameters }.GetSteppablePipeline($MyInvocation.CommandOrigin)
    }
    $steppable.Begin($PSCmdlet)
}
process { $steppable.Process($_) }
end { $steppable.End() }
clean { if ($null -ne $steppable) { $steppable.Clean() } }
'@).Replace('#VM-PARAMETERS#', $takeVmParameters).Replace('#OPEN-SESSIONS#', $openSessions)

New-PowerShellDirectProxy -Name Enter-PSSession -VmNameSets VMName -Body (@'
begin {
    if ($PSCmdlet.ParameterSetName -match 'VM(Name|Id)?$') {
#VM-PARAMETERS#
#OPEN-SESSIONS#
        if ($opened.Count -gt 1) {
            Remove-PSSession -Session $opened
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                [System.ArgumentException]::new("Enter-PSSession enters one virtual machine, and $($opened.Count) matched: name one."),
                'MoreThanOneVirtualMachine', 'InvalidArgument', $null))
        }
        if ($opened.Count -eq 0) { return }
        # As Enter-PSSession -ComputerName does with the session it opens itself: exit closes it.
        $closeOnExit = $opened[0].Runspace.GetType().GetProperty('ShouldCloseOnPop', [System.Reflection.BindingFlags]'Instance, NonPublic')
        if ($closeOnExit) { $closeOnExit.SetValue($opened[0].Runspace, $true) }
        $PSBoundParameters['Session'] = $opened[0]
    }
    $core = Get-Command -Name Enter-PSSession -Module Microsoft.PowerShell.Core -CommandType Cmdlet
    & $core @PSBoundParameters
}
'@).Replace('#VM-PARAMETERS#', $takeVmParameters).Replace('#OPEN-SESSIONS#', $openSessions)

Remove-Item -Path Function:\New-PowerShellDirectProxy
Remove-Variable -Name takeVmParameters, openSessions

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

Export-ModuleMember -Function Invoke-Command, New-PSSession, Enter-PSSession -Alias netsh
