using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network;

[Cmdlet("Get", "NetAdapter", DefaultParameterSetName = ByName)]
public sealed class GetNetAdapterCommand : HyperNestCmdlet
{
    private const string ByName = "ByName";
    private const string ByIndex = "ByIfIndex";

    [Parameter(ParameterSetName = ByName, Position = 0)]
    [Alias("ifAlias", "InterfaceAlias")]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ByIndex, Mandatory = true)]
    [Alias("ifIndex")]
    public int[]? InterfaceIndex { get; set; }

    protected override void Process()
    {
        var adapters = Virtualization.GetNetAdapters();
        if (ParameterSetName == ByIndex)
        {
            WriteAll(adapters, (InterfaceIndex ?? []).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                a => a.ifIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), "InterfaceIndex");
            return;
        }

        WriteAll(adapters, Name, a => a.Name, "Name");
    }

    private void WriteAll(IReadOnlyList<NetAdapter> adapters, IReadOnlyCollection<string>? patterns, Func<NetAdapter, string> key, string property)
    {
        WriteObjects(adapters.Where(a => NamePatterns.Matches(patterns, key(a))));
        foreach (var missing in NamePatterns.Unmatched(patterns, adapters.Select(key)))
        {
            WriteError(NamePatterns.NotFound("MSFT_NetAdapter", property, missing));
        }
    }
}
