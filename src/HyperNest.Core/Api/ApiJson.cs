using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperNest.Api;

/// <summary>
/// How hypernestd's API writes and reads its objects: the host API's own records with their Hyper-V
/// property names (PascalCase, as Get-VM shows them), enums as their names, one JSON document per line.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Builds the serializer's metadata for what most calls carry. A PowerShell Direct server in a guest does
    /// it while it waits as a spare: under TCG the reflection behind the first call of each type takes seconds.
    /// </summary>
    public static void WarmUp()
    {
        foreach (var type in new[]
        {
            typeof(ApiFrame), typeof(ApiError), typeof(List<Model.VirtualMachine>), typeof(Model.VmHost), typeof(List<Model.VmSwitch>),
            typeof(List<Model.VmNetworkAdapter>), typeof(List<Model.NetAdapter>), typeof(List<Model.NetIpAddress>), typeof(List<Model.NetNat>),
            typeof(Model.DnsClientServerAddress), typeof(Model.VmProcessor), typeof(Model.VmMemory), typeof(PowerShellDirectTargetInfo),
            typeof(Hosting.NewVmRequest), typeof(Hosting.NewNetIpAddressRequest), typeof(AddDnsServerBody),
        })
        {
            _ = Options.GetTypeInfo(type);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new BootSourceJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
