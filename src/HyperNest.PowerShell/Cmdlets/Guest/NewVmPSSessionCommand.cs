using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Remoting;

namespace HyperNest.PowerShell.Cmdlets.Guest;

/// <summary>
/// PowerShell Direct: opens a PowerShell session into each running VM over the VM's own channel (no network,
/// no WinRM, no SSH), as New-PSSession -VMName does on Hyper-V. The session is PowerShell's own PSSession:
/// Invoke-Command -Session, Enter-PSSession, Copy-Item -ToSession, Get-PSSession and Remove-PSSession take it.
/// HyperNest's New-PSSession, Invoke-Command and Enter-PSSession -VMName/-VMId/-VM come here.
/// </summary>
[Cmdlet(VerbsCommon.New, "VMPSSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(PSSession))]
public sealed class NewVmPSSessionCommand : HyperNestCmdlet
{
    private const string ByName = "VMName";
    private const string ById = "VMId";
    private const string ByObject = "VM";

    /// <summary>What Get-PSSession shows as the session's Transport.</summary>
    public const string TransportName = "PowerShellDirect";

    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMGuid")]
    public Guid[]? VMId { get; set; }

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public VirtualMachine[]? VM { get; set; }

    /// <summary>The sessions' names (Get-PSSession -Name), one per VM; PowerShell's RunspaceN by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? SessionName { get; set; }

    /// <summary>Hyper-V signs in to the guest with it; HyperNest's guest endpoint runs sessions as the guest's root, so it is not needed.</summary>
    [Parameter]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    private int _opened;

    protected override void Process()
    {
        foreach (var name in TargetNames())
        {
            try
            {
                Open(Virtualization.GetPowerShellDirectTarget(name));
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }

    private void Open(PowerShellDirectTarget target)
    {
        var info = new VmConnectionInfo(target) { Credential = Credential };
        var runspace = RunspaceFactory.CreateRunspace(info, Host, TypeTable.LoadDefaultTypeFiles());
        try
        {
            runspace.Open();
        }
        catch (Exception ex) when (ex is PSRemotingTransportException or PSRemotingDataStructureException or InvalidRunspaceStateException)
        {
            runspace.Dispose();
            // PowerShell wraps the transport's own words ("no PowerShell endpoint runs in the guest yet") in a generic one.
            var cause = ex.InnerException is PSRemotingTransportException transport ? transport : ex;
            WriteError(new ErrorRecord(cause, "PSSessionOpenFailed", ErrorCategory.OpenError, target.VmName)
            {
                ErrorDetails = new ErrorDetails($"[{target.VmName}] Opening the PowerShell Direct session failed: {cause.Message}"),
            });
            return;
        }

        var session = PSSession.Create(runspace, TransportName, this);
        if (SessionName is { } names && _opened < names.Length)
        {
            session.Name = names[_opened];
        }

        _opened++;
        WriteObject(session);
    }

    private IEnumerable<string> TargetNames()
    {
        if (VMId is null)
        {
            return Vm.VmNameResolver.Resolve(Virtualization, VMName, VM);
        }

        var names = new List<string>();
        foreach (var id in VMId)
        {
            try
            {
                names.Add(Virtualization.GetVm(id).Name);
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }

        return names;
    }
}
