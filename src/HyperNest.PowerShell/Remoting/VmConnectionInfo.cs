using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Management.Automation.Remoting.Client;
using System.Management.Automation.Runspaces;
using HyperNest.Model;

namespace HyperNest.PowerShell.Remoting;

/// <summary>
/// PowerShell Direct as a PowerShell remoting target (PowerShell 7.3+ lets a host bring its own transport):
/// a runspace made with it speaks PSRP to a PowerShell server in the VM over the VM's PowerShell Direct
/// channel. ComputerName is the VM's name, so remote output carries PSComputerName = the VM, as on Hyper-V.
/// </summary>
public sealed class VmConnectionInfo : RunspaceConnectionInfo
{
    /// <summary>How long the guest's endpoint may take to answer hello (it answers at once when it runs; an L2 under TCG is slow).</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);

    private readonly PowerShellDirectTarget _target;

    public VmConnectionInfo(PowerShellDirectTarget target)
    {
        _target = target;
        ComputerName = target.VmName;
        // Opening a session in a busy L2 under TCG can take minutes; PowerShell's default is 3.
        OpenTimeout = (int)TimeSpan.FromMinutes(15).TotalMilliseconds;
    }

    public override string ComputerName { get; set; }

    /// <summary>Hyper-V signs in to the guest with it; HyperNest's guest endpoint runs sessions as the guest's root.</summary>
    public override PSCredential? Credential { get; set; }

    public override AuthenticationMechanism AuthenticationMechanism
    {
        get => AuthenticationMechanism.Default;
        set => throw new NotSupportedException("PowerShell Direct into HyperNest guests has no authentication mechanism to choose.");
    }

    public override string CertificateThumbprint
    {
        get => string.Empty;
        set => throw new NotSupportedException("PowerShell Direct into HyperNest guests uses no certificate.");
    }

    public override RunspaceConnectionInfo Clone() => new VmConnectionInfo(_target) { Credential = Credential };

    public override BaseClientSessionTransportManager CreateClientSessionTransportManager(Guid instanceId, string sessionName, PSRemotingCryptoHelper cryptoHelper) =>
        new VmSessionTransportManager(instanceId, cryptoHelper, _target, HandshakeTimeout);
}
