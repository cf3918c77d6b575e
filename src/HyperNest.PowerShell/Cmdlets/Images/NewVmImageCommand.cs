using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Images;

/// <summary>HyperNest's extension: builds a guest image from Debian packages (cached by its recipe hash).</summary>
[Cmdlet("New", "VMImage")]
public sealed class NewVmImageCommand : HyperNestCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    /// <summary>Rebuild even when the cache holds this recipe.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Process() =>
        WriteObject(WithProgress((host, progress) => host.NewImage(Name, Force, progress)));
}
