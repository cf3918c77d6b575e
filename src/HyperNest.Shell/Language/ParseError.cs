using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Language;

/// <summary>Builds the terminating ParserError records of the tokenizer and parser.</summary>
internal static class ParseError
{
    /// <summary>Error ids meaning "the input stops too early"; an interactive prompt reads another line on these.</summary>
    public static readonly IReadOnlySet<string> IncompleteInputIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "TerminatorExpectedAtEndOfString",
        "MissingEndCurlyBrace",
        "MissingEndParenthesis",
        "IncompleteLineContinuation",
        "EmptyPipeElement",
    };

    public static ShellException At(Extent extent, string errorId, string message) =>
        new(new ErrorRecord(message, ErrorCategory.ParserError, errorId) { Extent = extent, Reason = "ParentContainsErrorRecordException" });
}
