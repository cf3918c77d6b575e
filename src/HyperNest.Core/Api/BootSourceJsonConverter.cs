using System.Text.Json;
using System.Text.Json.Serialization;
using HyperNest.Model;

namespace HyperNest.Api;

/// <summary>
/// A boot entry's Device is a hard drive, a DVD drive or a network adapter (Get-VMFirmware's BootOrder
/// holds the objects themselves, as Hyper-V's does): written with a DeviceType that says which, so the
/// client gets the same object back.
/// </summary>
internal sealed class BootSourceJsonConverter : JsonConverter<VmBootSource>
{
    private const string HardDiskDrive = "HardDiskDrive";
    private const string DvdDrive = "DvdDrive";
    private const string NetworkAdapter = "NetworkAdapter";

    public override VmBootSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var deviceType = root.GetProperty("DeviceType").GetString();
        var device = root.GetProperty("Device");
        object value = deviceType switch
        {
            HardDiskDrive => device.Deserialize<VmHardDiskDrive>(options)!,
            DvdDrive => device.Deserialize<VmDvdDrive>(options)!,
            NetworkAdapter => device.Deserialize<VmNetworkAdapter>(options)!,
            _ => throw new JsonException($"Boot entry device type '{deviceType}' is not one this client knows."),
        };
        return new VmBootSource
        {
            BootType = root.GetProperty(nameof(VmBootSource.BootType)).Deserialize<BootSourceType>(options),
            Description = root.GetProperty(nameof(VmBootSource.Description)).GetString() ?? "",
            DeviceId = root.GetProperty(nameof(VmBootSource.DeviceId)).GetGuid(),
            VMName = root.GetProperty(nameof(VmBootSource.VMName)).GetString() ?? "",
            Device = value,
        };
    }

    public override void Write(Utf8JsonWriter writer, VmBootSource value, JsonSerializerOptions options)
    {
        var deviceType = value.Device switch
        {
            VmHardDiskDrive => HardDiskDrive,
            VmDvdDrive => DvdDrive,
            VmNetworkAdapter => NetworkAdapter,
            _ => throw new JsonException($"Boot entry device {value.Device.GetType().Name} has no API form."),
        };
        writer.WriteStartObject();
        writer.WritePropertyName(nameof(VmBootSource.BootType));
        JsonSerializer.Serialize(writer, value.BootType, options);
        writer.WriteString(nameof(VmBootSource.Description), value.Description);
        writer.WriteString(nameof(VmBootSource.DeviceId), value.DeviceId);
        writer.WriteString(nameof(VmBootSource.VMName), value.VMName);
        writer.WriteString("DeviceType", deviceType);
        writer.WritePropertyName(nameof(VmBootSource.Device));
        JsonSerializer.Serialize(writer, value.Device, value.Device.GetType(), options);
        writer.WriteEndObject();
    }
}
