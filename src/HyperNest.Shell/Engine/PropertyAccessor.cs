using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>Reads the properties of pipeline objects by name, case-insensitively, whatever their kind.</summary>
public static class PropertyAccessor
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

    public static IReadOnlyList<string> GetPropertyNames(object value) => value switch
    {
        PSCustomObject custom => custom.Properties.Select(p => p.Key).ToArray(),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(k => k.ToString() ?? "").ToArray(),
        _ => PropertiesOf(value.GetType()).Select(p => p.Name).ToArray(),
    };

    public static bool TryGetValue(object? value, string name, out object? result)
    {
        result = null;
        switch (value)
        {
            case null:
                return false;
            case PSCustomObject custom:
                return custom.TryGet(name, out result);
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        result = entry.Value;
                        return true;
                    }
                }

                return false;
        }

        var property = Array.Find(PropertiesOf(value.GetType()), p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (property is null)
        {
            return false;
        }

        result = property.GetValue(value);
        return true;
    }

    public static object? GetValue(object? value, string name) => TryGetValue(value, name, out var result) ? result : null;

    private static PropertyInfo[] PropertiesOf(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray());
}
