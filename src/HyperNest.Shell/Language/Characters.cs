namespace HyperNest.Shell.Language;

/// <summary>
/// Character classes of the language. Lines are often pasted from documents that turned quotes and
/// dashes typographic, so those count as their ASCII forms.
/// </summary>
internal static class Characters
{
    public static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    public static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F';

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\r';

    /// <summary>Ends a bare word in argument mode.</summary>
    public static bool EndsWord(char c) =>
        IsBlank(c) || c is '\n' or ';' or '|' or ',' or '(' or ')' or '{' or '}' or '&' or '>';

    public static bool IsParameterStart(char c) => char.IsLetter(c) || c is '_' or '?';

    public static bool IsVariableChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '?';
}
