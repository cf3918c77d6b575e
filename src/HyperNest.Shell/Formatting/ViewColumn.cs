namespace HyperNest.Shell.Formatting;

public enum ColumnAlignment
{
    /// <summary>Right when every value in the column is a number, else left (as PowerShell aligns generated tables).</summary>
    Auto,
    Left,
    Right,
}

/// <summary>A column of a table view (or a line of a list view): its header and how to get the value from an object.</summary>
public sealed record ViewColumn(string Header, Func<object, object?> Value, ColumnAlignment Alignment = ColumnAlignment.Auto);
