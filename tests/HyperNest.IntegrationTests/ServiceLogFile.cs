using System.Text.Json;

namespace HyperNest.IntegrationTests;

/// <summary>
/// The entries of a home's service log file (JSON lines with journald's field names). Lines that are not a
/// JSON object are skipped: a service killed mid-line leaves half a line, and the launcher's redirection
/// also takes what the runtime itself prints.
/// </summary>
internal static class ServiceLogFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Entries(string logPath)
    {
        var entries = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in File.ReadLines(logPath))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    entries.Add(json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal));
                }
            }
            catch (JsonException)
            {
            }
        }

        return entries;
    }

    public static string Field(this IReadOnlyDictionary<string, string> entry, string name) => entry.TryGetValue(name, out var value) ? value : "";
}
