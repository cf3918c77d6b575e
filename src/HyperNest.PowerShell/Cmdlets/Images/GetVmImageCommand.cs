using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Images;

/// <summary>HyperNest's extension: the guest images this host knows, built or not.</summary>
[Cmdlet("Get", "VMImage")]
public sealed class GetVmImageCommand : HyperNestCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void Process()
    {
        var pattern = new WildcardPattern(Name ?? "*", WildcardOptions.IgnoreCase);
        WriteObjects(Virtualization.GetImages().Where(image => pattern.IsMatch(image.Name)));
    }
}
