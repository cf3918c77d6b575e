using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// The kernel's modules.dep ("path: dep-path dep-path ...", paths relative to /lib/modules/&lt;release&gt;)
/// and the load order of a set of modules: every module after all of its dependencies.
/// </summary>
public sealed class ModuleDependencies
{
    private readonly Dictionary<string, (string Path, string[] Dependencies)> modules = new(StringComparer.Ordinal);

    public ModuleDependencies(string modulesDepText)
    {
        foreach (var rawLine in modulesDepText.Split('\n'))
        {
            var line = rawLine.Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var path = line[..colon];
            var dependencies = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            modules[NameOf(path)] = (path, dependencies);
        }
    }

    /// <summary>Module name as modprobe sees it: file name without .ko[.xz|.zst|.gz], '-' read as '_'.</summary>
    public static string NameOf(string pathOrName)
    {
        var name = Path.GetFileName(pathOrName);
        foreach (var suffix in new[] { ".xz", ".zst", ".gz" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }

        if (name.EndsWith(".ko", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        return name.Replace('-', '_');
    }

    /// <summary>Relative paths of the requested modules and their dependencies, in a valid load order.</summary>
    public IReadOnlyList<string> ResolveLoadOrder(IEnumerable<string> moduleNames)
    {
        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name)
        {
            if (done.Contains(name))
            {
                return;
            }

            if (!modules.TryGetValue(name, out var module))
            {
                throw new HostException(
                    $"The guest kernel has no module '{name}' in modules.dep (is it built in, or misspelled?).",
                    ErrorCategory.ObjectNotFound, "ImageKernelModuleMissing", name);
            }

            if (!visiting.Add(name))
            {
                throw new HostException($"modules.dep has a dependency cycle through '{name}'.", ErrorCategory.InvalidData, "ImageKernelModuleCycle", name);
            }

            foreach (var dependency in module.Dependencies)
            {
                Visit(NameOf(dependency));
            }

            visiting.Remove(name);
            done.Add(name);
            order.Add(module.Path);
        }

        foreach (var name in moduleNames)
        {
            Visit(NameOf(name));
        }

        return order;
    }
}
