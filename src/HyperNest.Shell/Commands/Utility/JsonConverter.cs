using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>
/// ConvertTo-Json's serializer, matching PowerShell 7: two-space indentation, enums as numbers unless
/// asked for names, objects deeper than <c>depth</c> written as their string form.
/// </summary>
internal sealed class JsonConverter(int depth, bool compress, bool enumsAsStrings)
{
    public bool Truncated { get; private set; }

    /// <summary>Serializes one object, or the pipeline's objects as an array whose elements count as top level (as in PowerShell).</summary>
    public string Serialize(IReadOnlyList<object?> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = !compress,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            if (items.Count == 1)
            {
                Write(writer, items[0], 0);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item, 0);
                }

                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Write(Utf8JsonWriter writer, object? value, int level)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string or char or Guid or ScriptBlock:
                writer.WriteStringValue(value.ToString());
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case Enum when enumsAsStrings:
                writer.WriteStringValue(value.ToString());
                return;
            case Enum:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case int or long or short or byte or uint or ushort or ulong or sbyte:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                return;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                return;
            case double or float or decimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return;
            case DateTime time:
                writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                return;
        }

        if (level > depth)
        {
            Truncated = true;
            writer.WriteStringValue(Formatting.ValueText.Format(value));
            return;
        }

        switch (value)
        {
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(entry.Key.ToString() ?? "");
                    Write(writer, entry.Value, level + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, level + 1);
                }

                writer.WriteEndArray();
                return;
        }

        writer.WriteStartObject();
        foreach (var name in PropertyAccessor.GetPropertyNames(value))
        {
            writer.WritePropertyName(name);
            Write(writer, PropertyAccessor.GetValue(value, name), level + 1);
        }

        writer.WriteEndObject();
    }
}
