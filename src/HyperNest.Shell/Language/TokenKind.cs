namespace HyperNest.Shell.Language;

public enum TokenKind
{
    /// <summary>A bare word: a command name or an unquoted argument such as address=10.0.0.1.</summary>
    Word,
    Parameter,
    Number,
    String,
    ExpandableString,
    Variable,
    ScriptBlock,
    Comma,
    Pipe,
    Semicolon,
    NewLine,
    LeftParen,
    AtParen,
    DollarParen,
    RightParen,
    Equals,
    EndOfInput,
}
