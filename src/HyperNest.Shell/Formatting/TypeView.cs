namespace HyperNest.Shell.Formatting;

public enum ViewKind
{
    Table,
    List,
}

/// <summary>How Out-Default shows objects of one type: table or list, with these columns.</summary>
public sealed record TypeView(Type Type, ViewKind Kind, IReadOnlyList<ViewColumn> Columns);

/// <summary>Builds a <see cref="TypeView"/> with typed value selectors: <c>ViewBuilder.Table&lt;VirtualMachine&gt;().Column("Name", v =&gt; v.Name)</c>.</summary>
public sealed class ViewBuilder<T>(ViewKind kind)
{
    private readonly List<ViewColumn> _columns = [];

    public ViewBuilder<T> Column(string header, Func<T, object?> value, ColumnAlignment alignment = ColumnAlignment.Auto)
    {
        _columns.Add(new ViewColumn(header, o => value((T)o), alignment));
        return this;
    }

    public TypeView Build() => new(typeof(T), kind, _columns.ToArray());
}

public static class ViewBuilder
{
    public static ViewBuilder<T> Table<T>() => new(ViewKind.Table);

    public static ViewBuilder<T> List<T>() => new(ViewKind.List);
}
