using System.Text.Encodings.Web;
using System.Text.Json;

namespace HyperNest.Service.Logging;

/// <summary>
/// Writes log entries as JSON lines where journald does not take them (containers, CI, tests, guests: the
/// client that starts the service points its stderr at the home's logs/hypernestd.log). The field names
/// are journald's (TIME, PRIORITY, MESSAGE, then HyperNest's own), so `journalctl -o json` and the file
/// read alike.
/// </summary>
internal sealed class JsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;

    public JsonLinesWriter(TextWriter output) => _output = output;

    public void Write(LogEntry entry) => _output.WriteLine(Encode(entry));

    public static string Encode(LogEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("TIME", entry.Time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("PRIORITY", (int)entry.Priority);
            json.WriteString(Api.ServiceEndpoint.LogMessageField, entry.Message);
            foreach (var (name, value) in entry.Fields)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
