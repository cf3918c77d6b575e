# PowerShell Direct figures (prints a table; asserts nothing). Run by scripts/bench-direct.sh inside a
# network namespace of its own, with a scratch HYPERNEST_HOME. For each guest (the tiny image, then an
# L1 on the host image): Start-VM to heartbeat, the first session after heartbeat (the guest's endpoint
# may still be warming its first PowerShell server), warm calls in one session and warm one-shot
# Invoke-Command -VMName calls (each opens and closes a session), and the endpoint's memory in the guest.
# In the L1, an L2 on the tiny image: the same round trips from L0 through L1's session into the L2.
# Ratios are against the warm in-session call into the same guest, measured in the same run.
param([int] $Runs = 11, [string] $Guests = 'tiny host')
$ErrorActionPreference = 'Stop'

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

function Measure-Ms([scriptblock] $Action) { (Measure-Command $Action).TotalMilliseconds }

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Measure, [double] $Ms, $Baseline) {
    $ratio = if ($Baseline) { '{0:0.00}' -f ($Ms / $Baseline) } else { '-' }
    $rows.Add([pscustomobject]@{ Measure = $Measure; ms = [math]::Round($Ms); Ratio = $ratio })
}

foreach ($image in $Guests -split '[\s,]+' | Where-Object { $_ }) {
    $name = "direct-$image"
    $memory = if ($image -eq 'host') { 2GB } else { 512MB }
    New-VM -Name $name -Image $image -MemoryStartupBytes $memory | Out-Null
    if ($image -eq 'host') {
        # The L1 runs its L2 under KVM, as the documents set it up.
        Set-VMProcessor -VMName $name -ExposeVirtualizationExtensions $true
    }
    $boot = Measure-Ms { Start-VM $name; Wait-VM $name -For Heartbeat -Timeout 600 | Out-Null }
    $first = Measure-Ms { Invoke-Command -VMName $name { $PID } | Out-Null }

    $session = New-VMPSSession -VMName $name
    $inSession = Get-Median (1..$Runs | ForEach-Object { Measure-Ms { Invoke-Command -Session $session { $PID } | Out-Null } })
    $firstCmdlet = Measure-Ms { Invoke-Command -Session $session { Get-VMHost } | Out-Null }
    $warmCmdlet = Get-Median (1..$Runs | ForEach-Object { Measure-Ms { Invoke-Command -Session $session { Get-VMHost } | Out-Null } })
    $memory = Invoke-Command -Session $session {
        Get-Process | Where-Object { $_.CommandLine -match 'PowerShellDirectEndpoint| -s ' } |
            ForEach-Object { [pscustomobject]@{ Endpoint = $_.CommandLine -match 'PowerShellDirectEndpoint'; MB = $_.WorkingSet64 / 1MB } }
    }
    if ($image -eq 'host') {
        # An L2 (tiny) inside this L1: round trips L0 -> L1 -> L2, through both PowerShell Direct hops.
        Invoke-Command -Session $session { New-VM -Name L2 -Image tiny -MemoryStartupBytes 512MB | Out-Null; Start-VM L2; Wait-VM L2 -For Heartbeat -Timeout 600 | Out-Null }
        $l2First = Measure-Ms { Invoke-Command -Session $session { Invoke-Command -VMName L2 { $PID } } | Out-Null }
        Invoke-Command -Session $session { $global:l2 = New-PSSession -VMName L2 }
        $l2InSession = Get-Median (1..$Runs | ForEach-Object { Measure-Ms { Invoke-Command -Session $session { Invoke-Command -Session $global:l2 { $PID } } | Out-Null } })
        $l2OneShot = Get-Median (1..$Runs | ForEach-Object { Measure-Ms { Invoke-Command -Session $session { Invoke-Command -VMName L2 { $PID } } | Out-Null } })
        Invoke-Command -Session $session { Stop-VM L2 -TurnOff }
    }
    Remove-PSSession $session
    $oneShot = Get-Median (1..$Runs | ForEach-Object { Measure-Ms { Invoke-Command -VMName $name { $PID } | Out-Null } })

    $label = if ($image -eq 'host') { 'L1 (host image, 2 GB)' } else { 'tiny (512 MB)' }
    Add-Row "$label`: Start-VM to heartbeat" $boot $null
    Add-Row "$label`: first Invoke-Command after heartbeat" $first $inSession
    Add-Row "$label`: warm call in a session (baseline)" $inSession $inSession
    Add-Row "$label`: warm one-shot Invoke-Command -VMName" $oneShot $inSession
    Add-Row "$label`: first HyperNest cmdlet in a session" $firstCmdlet $inSession
    Add-Row "$label`: warm HyperNest cmdlet (Get-VMHost)" $warmCmdlet $inSession
    if ($image -eq 'host') {
        Add-Row "L2 (tiny, in that L1): first Invoke-Command after heartbeat" $l2First $inSession
        Add-Row "L2 (tiny, in that L1): warm call in an L1 session's L2 session" $l2InSession $inSession
        Add-Row "L2 (tiny, in that L1): warm one-shot Invoke-Command -VMName L2" $l2OneShot $inSession
    }
    $endpointMb = ($memory | Where-Object Endpoint | Measure-Object MB -Sum).Sum
    $serverMb = ($memory | Where-Object { -not $_.Endpoint } | Measure-Object MB -Maximum).Maximum
    $rows.Add([pscustomobject]@{ Measure = "$label`: endpoint RSS in the guest (MB)"; ms = [math]::Round($endpointMb); Ratio = '-' })
    $rows.Add([pscustomobject]@{ Measure = "$label`: largest session server RSS (MB)"; ms = [math]::Round($serverMb); Ratio = '-' })
    Stop-VM $name -TurnOff
}

"PowerShell Direct, TCG, median of $Runs where repeated (ratios: to the warm in-session call)"
$rows | Format-Table -AutoSize | Out-String -Width 200
