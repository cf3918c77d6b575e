using System.Collections.Concurrent;
using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>The cmdlets a shell knows, found by reflection over [Cmdlet] classes, plus aliases.</summary>
public sealed class CommandTable
{
    private readonly ConcurrentDictionary<string, CmdletInfo> _cmdlets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A table with every cmdlet of the HyperNest.Shell assembly and the usual aliases.</summary>
    public static CommandTable CreateDefault()
    {
        var table = new CommandTable();
        table.RegisterAssembly(typeof(CommandTable).Assembly);
        table.RegisterAlias("select", "Select-Object");
        table.RegisterAlias("where", "Where-Object");
        table.RegisterAlias("?", "Where-Object");
        table.RegisterAlias("%", "ForEach-Object");
        table.RegisterAlias("foreach", "ForEach-Object");
        table.RegisterAlias("ft", "Format-Table");
        table.RegisterAlias("fl", "Format-List");
        table.RegisterAlias("gcm", "Get-Command");
        table.RegisterAlias("help", "Get-Help");
        table.RegisterAlias("write", "Write-Output");
        table.RegisterAlias("netsh", "Invoke-Netsh");
        return table;
    }

    public IEnumerable<CmdletInfo> Cmdlets => _cmdlets.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Aliases => _aliases;

    public void RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(Cmdlet).IsAssignableFrom(type) && type.IsDefined(typeof(CmdletAttribute), inherit: false))
            {
                Register(type);
            }
        }
    }

    public CmdletInfo Register(Type cmdletType)
    {
        var info = new CmdletInfo(cmdletType);
        _cmdlets[info.Name] = info;
        return info;
    }

    /// <summary>Another name for a cmdlet (e.g. "ft" for Format-Table).</summary>
    public void RegisterAlias(string alias, string commandName) => _aliases[alias] = commandName;

    public CmdletInfo? Find(string name)
    {
        if (_cmdlets.TryGetValue(name, out var info))
        {
            return info;
        }

        return _aliases.TryGetValue(name, out var target) && _cmdlets.TryGetValue(target, out var aliased) ? aliased : null;
    }
}
