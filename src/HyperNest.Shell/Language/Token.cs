namespace HyperNest.Shell.Language;

/// <summary>
/// One token. <see cref="Text"/> is the token's value as written (a word's unescaped text, a string's
/// content, a parameter's name without the dash, a script block's inner text); <see cref="Value"/> is
/// the number for <see cref="TokenKind.Number"/>.
/// </summary>
public sealed record Token(TokenKind Kind, string Text, Extent Extent)
{
    public object? Value { get; init; }

    /// <summary>For a parameter: written with a trailing colon (-Force:$false), so the next token is its argument.</summary>
    public bool HasColon { get; init; }

    /// <summary>Whitespace (or the start of the input) precedes the token; `a,b` and `(x)` care.</summary>
    public bool PrecededBySpace { get; init; }
}
