# A lab script in the style of the public nested-virtualization labs: HyperNest's cmdlets inside
# ordinary PowerShell. Its last line is a JSON summary the test reads.
param(
    [Parameter(Mandatory)] [string] $Prefix,
    [int] $Count = 3
)

. "$PSScriptRoot/lab-helpers.ps1"

# A comment with 'quotes' and { braces } inside a block must not confuse the parser: "}" '{'
$created = foreach ($i in 1..$Count) {
    $name = '{0}-{1:d2}' -f $Prefix, $i
    if ($i -eq 1) {
        New-LabVm -Name $name -Nested   # { brace in a comment }
    } elseif ($i % 2 -eq 0) {
        $splat = @{ Name = $name; Memory = 512MB }
        New-LabVm @splat
    } else {
        New-LabVm -Name $name
    }
}

$pattern = "$Prefix-*"
$off = @(Get-VM | Where-Object { $_.Name -like $pattern -and $_.State -eq 'Off' })

$kinds = switch ($off.Count) {
    0 { 'none' }
    { $_ -gt 1 } { 'many' }
    default { 'one' }
}

$missing = Get-VM -Name "$Prefix-nope" -ErrorAction SilentlyContinue
$silentlyFailed = -not $?

$caught = $null
$finallyRan = $false
try {
    $ErrorActionPreference = 'Stop'
    Get-VM -Name "$Prefix-nope"
    $caught = 'not caught'
} catch {
    $caught = '{0}|{1}' -f $_.FullyQualifiedErrorId.Split(',')[0], $_.CategoryInfo.Category
} finally {
    $ErrorActionPreference = 'Continue'
    $finallyRan = $true
}

$thrown = try { throw "lab failure $Prefix" } catch { $_.Exception.Message }

$countdown = 3
$ticks = 0
while ($countdown -gt 0) { $countdown--; $ticks++ }
do { $ticks++ } while ($false)

$nested = (Get-VMProcessor -VMName "$Prefix-01").ExposeVirtualizationExtensions
$memories = Get-VM | Where-Object Name -like $pattern | Sort-Object Name |
    Select-Object Name, @{ Name = 'MemoryMB'; Expression = { $_.MemoryStartup / 1MB } }

Write-Host "lab $Prefix ready" -ForegroundColor Green

Get-VM | Where-Object Name -match "^$Prefix-\d+$" | Remove-VM -Force

[pscustomobject]@{
    Created        = @($created).Count
    Off            = $off.Count
    Kinds          = $kinds
    Missing        = $null -eq $missing
    SilentlyFailed = $silentlyFailed
    Caught         = $caught
    FinallyRan     = $finallyRan
    Thrown         = $thrown
    Ticks          = $ticks
    Nested         = $nested
    MemoryMB       = @($memories | ForEach-Object MemoryMB)
    Contains       = (@($memories.Name) -contains "$Prefix-02")
    Left           = @(Get-VM | Where-Object Name -like $pattern).Count
} | ConvertTo-Json -Compress
