namespace HyperNest.PowerShell.Tests.Documents;

/// <summary>
/// The PowerShell lines of Microsoft's two nested-virtualization documents exactly as users copy them:
/// the Learn training unit on nested virtualization and the virtualization guide ("Run Hyper-V in a
/// Virtual Machine with Nested Virtualization"). They keep the text's en dashes, typographic quotes,
/// lower-case cmdlet names and &lt;placeholders&gt;; in the guide's text the NAT lines lost their addresses
/// and a line break.
/// </summary>
internal static class DocumentLines
{
    /// <summary>Both documents: enable nested virtualization (VM off).</summary>
    public const string EnableNested = "Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true";

    /// <summary>The guide: disable it again.</summary>
    public const string DisableNested = "Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $false";

    /// <summary>The guide: MAC address spoofing on every adapter of the VM.</summary>
    public const string MacSpoofing = "Get-VMNetworkAdapter -VMName <VMName> | Set-VMNetworkAdapter -MacAddressSpoofing On";

    /// <summary>The training module's version of the same line, with Set- where Get- is meant.</summary>
    public const string MacSpoofingAsSet = "Set-VMNetworkAdapter -VMName <VMName> | Set-VMNetworkAdapter -MacAddressSpoofing On";

    /// <summary>The guide: the NAT switch and the NAT, run together on one line, the prefix lost between typographic quotes.</summary>
    public const string NatSwitchAndNat = "new-vmswitch -name VmNAT -SwitchType Internal New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “”";

    /// <summary>The guide: the NAT adapter's address, the address itself lost.</summary>
    public const string NatAdapterAddress = "get-netadapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress -AddressFamily IPv4 -PrefixLength 24";

    /// <summary>The guide: a nested VM's address and gateway, both lost.</summary>
    public const string GuestAddress = "get-netadapter \"Ethernet\" | New-NetIPAddress -IPAddress -DefaultGateway -AddressFamily IPv4 -PrefixLength 24";

    /// <summary>The guide: a nested VM's DNS server.</summary>
    public const string GuestDns = "Netsh interface ip add dnsserver “Ethernet” address=<my DNS server>";

    /// <summary>The lines that carry a &lt;placeholder&gt; PowerShell itself reads as the '&lt;' operator.</summary>
    public static TheoryData<string> CmdletLinesWithPlaceholders => [EnableNested, DisableNested, MacSpoofing, MacSpoofingAsSet];
}
