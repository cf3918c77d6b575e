using System.Management.Automation;
using System.Reflection;
using HyperNest.PowerShell.Cmdlets;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>The module's cmdlet classes and their parameters, read by reflection (as PowerShell reads them).</summary>
public static class ModuleCmdlets
{
    public static IReadOnlyList<(string Name, Type Type, CmdletAttribute Attribute)> All { get; } =
        typeof(HyperNestCmdlet).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() is not null)
            .Select(t => (t.GetCustomAttribute<CmdletAttribute>()!, t))
            .Select(c => ($"{c.Item1.VerbName}-{c.Item1.NounName}", c.t, c.Item1))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>The properties of <paramref name="cmdlet"/> that are parameters.</summary>
    public static IEnumerable<PropertyInfo> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttributes<ParameterAttribute>().Any());
}
