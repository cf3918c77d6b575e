using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>New-VMSwitch's parameter rules, as Hyper-V's parameter sets state them.</summary>
internal static class SwitchRules
{
    public const int MaxNameLength = 100;

    public static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl) || name != name.Trim())
        {
            throw HostErrors.InvalidArgument(
                $"\"{name}\" cannot be used as a virtual switch name: it must be 1 to {MaxNameLength} characters, without control characters or leading/trailing spaces.", name);
        }

        // The name ends up inside "vEthernet (Name)", the bridge's ifalias, which the kernel caps at 255 bytes.
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 200)
        {
            throw HostErrors.InvalidArgument($"The virtual switch name \"{name}\" is too long. Use a shorter name.", name);
        }
    }

    /// <summary>With -NetAdapterName the switch is External; without, -SwitchType must say Internal or Private.</summary>
    public static VmSwitchType ResolveType(NewVmSwitchRequest request)
    {
        if (request.NetAdapterName is { Length: > 0 })
        {
            if (request.SwitchType is { } given && given != VmSwitchType.External)
            {
                throw HostErrors.InvalidArgument(
                    $"-SwitchType {given} cannot be combined with -NetAdapterName: a switch bound to a network adapter is External. Leave out -SwitchType, or leave out -NetAdapterName for an {given} switch.", request.Name);
            }

            return VmSwitchType.External;
        }

        if (request.AllowManagementOS is not null)
        {
            throw HostErrors.InvalidArgument(
                "-AllowManagementOS applies to External switches only (give -NetAdapterName). An Internal switch always has the host adapter; a Private one never does.", request.Name);
        }

        return request.SwitchType switch
        {
            null => throw HostErrors.InvalidArgument(
                $"New-VMSwitch needs -SwitchType Internal or Private, or -NetAdapterName <adapter> for an External switch (Get-NetAdapter lists the adapters).", request.Name),
            VmSwitchType.External => throw HostErrors.InvalidArgument(
                "An External switch needs -NetAdapterName <adapter> (Get-NetAdapter lists the adapters), and then -SwitchType can be left out.", request.Name),
            { } type => type,
        };
    }
}
