using System.Globalization;
using System.Text;
using HyperNest.Hosting;

namespace HyperNest.Network.Linux;

/// <summary>
/// Renders <c>bridge -batch -</c> input that replaces a port's VLANs. Deleting 1–4094 first is safe:
/// the kernel ignores a delete of a VLAN the port does not have (br_vlan_info's RTM_DELLINK path only
/// counts what it removed), so the batch does not depend on what the port held before.
/// </summary>
public static class BridgeVlanBatch
{
    public static string Render(string port, bool self, IReadOnlyList<BridgeVlanEntry> vlans)
    {
        KernelLinkName.Require(port, nameof(port));
        var suffix = self ? " self" : "";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"vlan del dev {port} vid {VlanIdList.MinimumId}-{VlanIdList.MaximumId}{suffix}\n");
        foreach (var vlan in vlans)
        {
            VlanIdList.RequireId(vlan.From, "VlanId");
            VlanIdList.RequireId(vlan.To, "VlanId");
            text.Append(CultureInfo.InvariantCulture, $"vlan add dev {port} vid {vlan.From}");
            if (vlan.To != vlan.From)
            {
                text.Append(CultureInfo.InvariantCulture, $"-{vlan.To}");
            }

            text.Append(vlan.Pvid ? " pvid" : "").Append(vlan.Untagged ? " untagged" : "").Append(suffix).Append('\n');
        }

        return text.ToString();
    }
}
