using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Set-VMNetworkAdapterVlan's rules (Hyper-V's): Access needs -VlanId, Trunk needs -AllowedVlanIdList,
/// every ID is 1–4094, and an ID that belongs to another mode is refused rather than silently dropped.
/// </summary>
internal static class VlanRules
{
    public static PortVlan ToPortVlan(SetVlanRequest request, string target)
    {
        switch (request.Mode)
        {
            case VmNetworkAdapterVlanMode.Untagged:
                RequireAbsent(request.VlanId, "VlanId", "-Access", target);
                RequireAbsent(request.NativeVlanId, "NativeVlanId", "-Trunk", target);
                RequireAbsent(request.AllowedVlanIdList, "AllowedVlanIdList", "-Trunk", target);
                return PortVlan.Untagged;
            case VmNetworkAdapterVlanMode.Access:
                RequireAbsent(request.NativeVlanId, "NativeVlanId", "-Trunk", target);
                RequireAbsent(request.AllowedVlanIdList, "AllowedVlanIdList", "-Trunk", target);
                var access = request.VlanId ?? throw HostErrors.InvalidArgument(
                    "-Access needs -VlanId: the VLAN whose untagged frames the port carries (1 to 4094), e.g. -Access -VlanId 10.", target);
                return new PortVlan { Mode = VmNetworkAdapterVlanMode.Access, AccessVlanId = VlanIdList.RequireId(access, "VlanId") };
            case VmNetworkAdapterVlanMode.Trunk:
                RequireAbsent(request.VlanId, "VlanId", "-Access", target);
                if (string.IsNullOrWhiteSpace(request.AllowedVlanIdList))
                {
                    throw HostErrors.InvalidArgument(
                        "-Trunk needs -AllowedVlanIdList: the VLANs the port carries tagged, e.g. -Trunk -AllowedVlanIdList \"1-100,200\" -NativeVlanId 10.", target);
                }

                return new PortVlan
                {
                    Mode = VmNetworkAdapterVlanMode.Trunk,
                    AllowedVlanIds = VlanIdList.Parse(request.AllowedVlanIdList),
                    NativeVlanId = request.NativeVlanId is { } native ? VlanIdList.RequireId(native, "NativeVlanId") : 0,
                };
            default:
                throw new HostException(
                    "Private VLANs (-Isolated, -Community, -Promiscuous) are not available on HyperNest: a Linux bridge has no private VLAN mode. Use -Access or -Trunk.",
                    ErrorCategory.NotImplemented, "PrivateVlanNotSupported", target);
        }
    }

    public static VmNetworkAdapterVlanSetting ToSetting(VmNetworkAdapter parent, PortVlan vlan) => new()
    {
        ParentAdapter = parent,
        OperationMode = vlan.Mode,
        AccessVlanId = vlan.AccessVlanId,
        NativeVlanId = vlan.NativeVlanId,
        AllowedVlanIdList = vlan.AllowedVlanIds.Ids,
        AllowedVlanIdListString = vlan.AllowedVlanIds.ToString(),
    };

    private static void RequireAbsent(object? value, string parameter, string belongsTo, string target)
    {
        if (value is not null)
        {
            throw HostErrors.InvalidArgument($"-{parameter} can only be given with {belongsTo}: leave it out, or choose {belongsTo}.", target);
        }
    }
}
