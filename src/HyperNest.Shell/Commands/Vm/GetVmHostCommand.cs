using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Vm;

[Cmdlet("Get", "VMHost", Synopsis = "Gets this virtualization host: processor, memory, accelerator (KVM or TCG, and why) and supported versions.")]
public sealed class GetVmHostCommand : Cmdlet
{
    protected internal override void ProcessRecord() => WriteObject(Host.GetHost());
}
