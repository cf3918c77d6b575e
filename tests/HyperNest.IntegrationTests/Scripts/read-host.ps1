# Answers from redirected standard input, as an unattended lab run feeds them.
$name = Read-Host -Prompt 'VM name'
New-VM -Name $name -NoVHD | Out-Null
(Get-VM -Name $name).Name
Remove-VM -Name $name -Force
