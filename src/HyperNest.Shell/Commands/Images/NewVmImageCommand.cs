using HyperNest.Hosting;
using HyperNest.Shell.Commands.Common;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Images;

/// <summary>HyperNest's extension: builds a guest image from Debian packages (cached by its recipe hash).</summary>
[Cmdlet("New", "VMImage", Synopsis = "Builds a guest image from Debian packages; it is cached, so only the first build pays.")]
public sealed class NewVmImageCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = "";

    /// <summary>Rebuild even when the cache holds this recipe.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected internal override void ProcessRecord() =>
        WriteObject(Host.NewImage(Name, Force, new SynchronousProgress(WriteProgress)));
}
