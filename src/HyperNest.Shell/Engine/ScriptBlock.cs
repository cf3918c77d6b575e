namespace HyperNest.Shell.Engine;

/// <summary>The text between '{' and '}', handed as-is to the cmdlets that take script blocks.</summary>
public sealed record ScriptBlock(string Text)
{
    /// <summary>The script the block was written in, so errors inside it point at the right line and column.</summary>
    internal string? SourceScript { get; init; }

    /// <summary>Offset of <see cref="Text"/> in <see cref="SourceScript"/>.</summary>
    internal int SourceStart { get; init; }

    public override string ToString() => Text;
}
