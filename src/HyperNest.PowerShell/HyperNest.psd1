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
    CmdletsToExport   = '*'
    FunctionsToExport = @('Invoke-Command')
    AliasesToExport   = @('netsh')
    VariablesToExport = @()
}
