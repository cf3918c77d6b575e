using System.Reflection;
using System.Text;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>Get-Help's SYNTAX lines, one per parameter set, generated from the [Parameter] attributes.</summary>
internal static class SyntaxBuilder
{
    public static IEnumerable<string> Lines(CmdletInfo cmdlet) => cmdlet.ParameterSets.Select(set => Line(cmdlet, set));

    public static string Line(CmdletInfo cmdlet, string set)
    {
        var parameters = cmdlet.ParametersIn(set)
            .Select(p => (Parameter: p, Attribute: p.For(set)!))
            .OrderBy(p => p.Attribute.Position < 0 ? int.MaxValue : p.Attribute.Position)
            .ThenBy(p => p.Parameter.IsSwitch)
            .ThenBy(p => !p.Attribute.Mandatory);
        var line = new StringBuilder(cmdlet.Name);
        foreach (var (parameter, attribute) in parameters)
        {
            line.Append(' ').Append(Describe(parameter, attribute));
        }

        return line.Append(" [<CommonParameters>]").ToString();
    }

    /// <summary>&lt;type&gt;, or the choices as PowerShell shows them: {Internal | Private | External}.</summary>
    private static string ValueShape(ParameterMetadata parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var choices = parameter.Property.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues
            ?? (type.IsEnum ? Enum.GetNames(type) : null);
        return choices is null ? $"<{TypeNames.Friendly(parameter.Type)}>" : "{" + string.Join(" | ", choices) + "}";
    }

    private static string Describe(ParameterMetadata parameter, ParameterAttribute attribute)
    {
        if (parameter.IsSwitch)
        {
            return attribute.Mandatory ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
        }

        var name = attribute.Position >= 0 ? $"[-{parameter.Name}]" : $"-{parameter.Name}";
        var text = $"{name} {ValueShape(parameter)}";
        return attribute.Mandatory ? text : $"[{text}]";
    }
}
