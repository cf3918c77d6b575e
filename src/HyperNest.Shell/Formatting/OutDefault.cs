namespace HyperNest.Shell.Formatting;

/// <summary>
/// Formats a statement's output: strings and numbers print as lines at once; objects are gathered by
/// type and printed with their type's view when the type changes or the statement ends.
/// </summary>
public sealed class OutDefault(TextWriter writer, int? consoleWidth = null)
{
    private readonly List<object> _pending = [];

    public void Write(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case FormattedText text:
                Flush();
                writer.Write(text.Text);
                return;
            case var scalar when ValueText.IsScalar(scalar):
                Flush();
                writer.WriteLine(ValueText.Format(value));
                return;
            case System.Collections.IEnumerable sequence and not System.Collections.IDictionary:
                foreach (var item in sequence)
                {
                    Write(item);
                }

                return;
        }

        if (_pending.Count > 0 && _pending[0].GetType() != value.GetType())
        {
            Flush();
        }

        _pending.Add(value);
    }

    public void Flush()
    {
        if (_pending.Count > 0)
        {
            writer.Write(Render(_pending, consoleWidth));
            _pending.Clear();
        }

        writer.Flush();
    }

    /// <summary>Renders objects of one type with the type's default view.</summary>
    public static string Render(IReadOnlyList<object> items, int? consoleWidth = null)
    {
        var view = ViewRegistry.ViewFor(items[0]);
        return view.Kind == ViewKind.Table ? TableRenderer.Render(view.Columns, items, consoleWidth) : ListRenderer.Render(view.Columns, items);
    }
}
