using System.Collections.Concurrent;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Formatting;

/// <summary>
/// The default view per type. Types without one get a table of their public properties when there
/// are at most four, else a list (PowerShell's rule).
/// </summary>
public static class ViewRegistry
{
    private static readonly ConcurrentDictionary<Type, TypeView> Views = new(DefaultViews.All().ToDictionary(v => v.Type));

    /// <summary>Adds or replaces the default view of <see cref="TypeView.Type"/>.</summary>
    public static void Register(TypeView view) => Views[view.Type] = view;

    public static TypeView ViewFor(object sample)
    {
        var type = sample.GetType();
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Views.TryGetValue(t, out var view))
            {
                return view;
            }
        }

        return PropertyView(sample, PropertyAccessor.GetPropertyNames(sample).Count <= 4 ? ViewKind.Table : ViewKind.List);
    }

    /// <summary>A view of every public property, in declaration order.</summary>
    public static TypeView PropertyView(object sample, ViewKind kind, IReadOnlyList<string>? properties = null)
    {
        var names = properties ?? PropertyAccessor.GetPropertyNames(sample);
        var columns = names.Select(name => new ViewColumn(name, o => PropertyAccessor.GetValue(o, name))).ToArray();
        return new TypeView(sample.GetType(), kind, columns);
    }
}
