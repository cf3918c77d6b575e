using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>One parameter of a cmdlet: its property, aliases, and its [Parameter] attribute per parameter set.</summary>
public sealed class ParameterMetadata
{
    public ParameterMetadata(PropertyInfo property)
    {
        Property = property;
        Aliases = property.GetCustomAttribute<AliasAttribute>()?.Aliases ?? [];
        Sets = property.GetCustomAttributes<ParameterAttribute>().ToDictionary(a => a.ParameterSetName, StringComparer.OrdinalIgnoreCase);
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public Type Type => Property.PropertyType;

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Attribute per set name; the key <see cref="ParameterAttribute.AllParameterSets"/> means every set.</summary>
    public IReadOnlyDictionary<string, ParameterAttribute> Sets { get; }

    public bool IsSwitch => Type == typeof(SwitchParameter);

    public bool TakesPipelineInput => Sets.Values.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName);

    public bool IsInSet(string setName) => Sets.ContainsKey(setName) || Sets.ContainsKey(ParameterAttribute.AllParameterSets);

    /// <summary>The attribute that applies in <paramref name="setName"/>, or null when the parameter is not in it.</summary>
    public ParameterAttribute? For(string setName) =>
        Sets.TryGetValue(setName, out var attribute) ? attribute
        : Sets.TryGetValue(ParameterAttribute.AllParameterSets, out var all) ? all
        : null;

    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
