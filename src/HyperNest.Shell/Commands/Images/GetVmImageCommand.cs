using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Images;

/// <summary>HyperNest's extension: the guest images this host knows, built or not.</summary>
[Cmdlet("Get", "VMImage", Synopsis = "Lists the guest images HyperNest can build and whether each is built.")]
public sealed class GetVmImageCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        var pattern = new WildcardPattern(Name ?? "*");
        WriteObjects(Host.GetImages().Where(image => pattern.IsMatch(image.Name)));
    }
}
