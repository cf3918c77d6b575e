using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>What the engine knows of a cmdlet class: its name, parameters and parameter sets.</summary>
public sealed class CmdletInfo
{
    public CmdletInfo(Type type)
    {
        Type = type;
        Attribute = type.GetCustomAttribute<CmdletAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Cmdlet] attribute.", nameof(type));
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(ParameterAttribute)) && p.CanWrite)
            .Select(p => new ParameterMetadata(p))
            .ToArray();
        var named = Parameters.SelectMany(p => p.Sets.Keys)
            .Where(s => s != ParameterAttribute.AllParameterSets)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (Attribute.DefaultParameterSetName is { } declared && !named.Contains(declared, StringComparer.OrdinalIgnoreCase))
        {
            named.Insert(0, declared);
        }

        ParameterSets = named.Count > 0 ? named : [DefaultSetName];
    }

    public Type Type { get; }

    public CmdletAttribute Attribute { get; }

    public string Name => Attribute.Name;

    public string? Synopsis => Attribute.Synopsis;

    public IReadOnlyList<ParameterMetadata> Parameters { get; }

    /// <summary>Every set name; a cmdlet that declares none has the single set "__AllParameterSets".</summary>
    public IReadOnlyList<string> ParameterSets { get; }

    public string DefaultSetName => Attribute.DefaultParameterSetName ?? ParameterAttribute.AllParameterSets;

    public IEnumerable<ParameterMetadata> ParametersIn(string setName) => Parameters.Where(p => p.IsInSet(setName));

    public Cmdlet CreateInstance() => (Cmdlet)Activator.CreateInstance(Type)!;
}
