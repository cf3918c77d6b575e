namespace HyperNest.Shell.Engine;

/// <summary>An object made of named properties in order (what Select-Object -Property produces).</summary>
public sealed class PSCustomObject
{
    private readonly List<KeyValuePair<string, object?>> _properties = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Properties => _properties;

    public object? this[string name]
    {
        get => _properties.Find(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        set
        {
            var index = _properties.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                _properties[index] = new(_properties[index].Key, value);
            }
            else
            {
                _properties.Add(new(name, value));
            }
        }
    }

    public bool TryGet(string name, out object? value)
    {
        var index = _properties.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        value = index >= 0 ? _properties[index].Value : null;
        return index >= 0;
    }

    public override string ToString() =>
        "@{" + string.Join("; ", _properties.Select(p => $"{p.Key}={Formatting.ValueText.Format(p.Value)}")) + "}";
}
