using System.Globalization;
using HyperNest.Hosting;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Network.Netsh;

/// <summary>
/// netsh (alias of Invoke-Netsh) for the DNS lines of the nested-virtualization guides. It takes its
/// arguments raw and translates them to the same host calls as the DnsClient cmdlets; anything else is a
/// clear error that lists what is supported, never a silent no-op.
/// </summary>
[Cmdlet("Invoke", "Netsh")]
public sealed class InvokeNetshCommand : HyperNestCmdlet
{
    [Parameter(ValueFromRemainingArguments = true)]
    [ValidateNotNullOrEmpty]
    public string[] Arguments { get; set; } = [];

    protected override void Process()
    {
        var request = Parse();
        switch (request.Verb)
        {
            case NetshVerb.Show:
                Show(request["name"]);
                break;
            case NetshVerb.Add:
                Virtualization.AddDnsClientServerAddress(Interface(request), Required(request, "address"), Index(request));
                break;
            case NetshVerb.Delete:
                Delete(request);
                break;
            case NetshVerb.Set:
                Set(request);
                break;
        }
    }

    private NetshRequest Parse()
    {
        try
        {
            return NetshParser.Parse(Arguments);
        }
        catch (NetshSyntaxException ex)
        {
            throw Terminate(CreateError(ex.Message, ErrorCategory.InvalidArgument, ex.ErrorId, null));
        }
    }

    private void Show(string? name)
    {
        var entries = Virtualization.GetDnsClientServerAddresses()
            .Where(e => e.AddressFamily == "IPv4" && (name is null || string.Equals(e.InterfaceAlias, name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (name is not null && entries.Count == 0)
        {
            ThrowParameterError($"netsh: there is no interface named \"{name}\"; Get-NetAdapter lists them.", "NetshInterfaceNotFound");
        }

        WriteObjects(NetshDnsServersText.Lines(entries));
    }

    /// <summary>
    /// The host has no "remove one DNS server" call, so deleting one address writes back the interface's
    /// list without it; "all" resets the list.
    /// </summary>
    private void Delete(NetshRequest request)
    {
        var selector = Interface(request);
        var address = Required(request, "address");
        if (address.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            Virtualization.SetDnsClientServerAddresses(selector, []);
            return;
        }

        var current = Virtualization.GetDnsClientServerAddresses()
            .FirstOrDefault(e => e.AddressFamily == "IPv4" && string.Equals(e.InterfaceAlias, selector.Alias, StringComparison.OrdinalIgnoreCase));
        if (current is null || !current.ServerAddresses.Contains(address, StringComparer.OrdinalIgnoreCase))
        {
            ThrowParameterError($"netsh: {address} is not a DNS server of \"{selector.Alias}\"; 'netsh interface ip show dnsservers' lists them.", "DnsServerNotListed");
        }

        Virtualization.SetDnsClientServerAddresses(selector, current.ServerAddresses.Where(s => !s.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    private void Set(NetshRequest request)
    {
        var selector = Interface(request);
        var source = Required(request, "source");
        if (source.Equals("dhcp", StringComparison.OrdinalIgnoreCase))
        {
            // HyperNest keeps no DHCP-learned DNS servers per interface; going back to DHCP means no static ones.
            Virtualization.SetDnsClientServerAddresses(selector, []);
            return;
        }

        if (!source.Equals("static", StringComparison.OrdinalIgnoreCase))
        {
            ThrowParameterError($"netsh: source must be static or dhcp, not '{source}'.\n{NetshParser.Supported}", "NetshCommandNotSupported");
        }

        var address = Required(request, "address");
        Virtualization.SetDnsClientServerAddresses(selector, address.Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : [address]);
    }

    private NetInterfaceSelector Interface(NetshRequest request) => NetInterfaceSelector.ByAlias(Required(request, "name"));

    private string Required(NetshRequest request, string tag) =>
        request[tag] is { Length: > 0 } value ? value : Missing(tag);

    private int? Index(NetshRequest request)
    {
        if (request["index"] is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0
            ? index
            : throw Terminate(CreateError($"netsh: index must be a positive number, not '{text}'.", ErrorCategory.InvalidArgument, "NetshInvalidIndex", text));
    }

    private string Missing(string tag) =>
        throw Terminate(CreateError($"netsh: the '{tag}' argument is required.\n{NetshParser.Supported}", ErrorCategory.InvalidArgument, "NetshMissingArgument", null));
}
