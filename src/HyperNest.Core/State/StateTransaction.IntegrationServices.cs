namespace HyperNest.State;

/// <summary>The integration-service choices (Enable-/Disable-VMIntegrationService) stored per VM; a service without a row has its default.</summary>
public sealed partial class StateTransaction
{
    /// <summary>Every stored choice, by VM id then service name.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, bool>> ListIntegrationServiceChoices()
    {
        using var command = Command("SELECT vm_id, name, enabled FROM vm_integration_services;");
        var result = new Dictionary<Guid, Dictionary<string, bool>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var vm = Guid.Parse(reader.GetString(0));
            if (!result.TryGetValue(vm, out var choices))
            {
                result[vm] = choices = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            }

            choices[reader.GetString(1)] = reader.GetInt64(2) != 0;
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, bool>)p.Value);
    }

    public void SetIntegrationServiceChoice(Guid vmId, string name, bool enabled) => Execute(
        "INSERT OR REPLACE INTO vm_integration_services (vm_id, name, enabled) VALUES ($vm, $name, $enabled);",
        ("$vm", vmId.ToString("D")), ("$name", name), ("$enabled", enabled ? 1 : 0));
}
