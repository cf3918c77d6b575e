using System.Text;

namespace HyperNest.Shell.Language;

/// <summary>Quoted strings: single (literal, '' escape), double (backtick escapes, $name and $( ) expansion), typographic forms too.</summary>
internal sealed partial class Tokenizer
{
    /// <summary>Reads a quoted string starting at <paramref name="start"/>; returns its parts and the index after the closing quote.</summary>
    private (List<StringPart> Parts, int End) ReadQuoted(int start)
    {
        var doubleQuoted = Characters.IsDoubleQuote(_text[start]);
        var parts = new List<StringPart>();
        var literal = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= _text.Length)
            {
                var quote = doubleQuoted ? "\"" : "'";
                throw ParseError.At(ExtentOf(start, _text.Length), "TerminatorExpectedAtEndOfString", $"The string is missing the terminator: {quote}.");
            }

            var c = _text[i];
            if (doubleQuoted ? Characters.IsDoubleQuote(c) : Characters.IsSingleQuote(c))
            {
                if (i + 1 < _text.Length && (doubleQuoted ? Characters.IsDoubleQuote(_text[i + 1]) : Characters.IsSingleQuote(_text[i + 1])))
                {
                    literal.Append(_text[i + 1]);
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            if (doubleQuoted && c == '`' && i + 1 < _text.Length)
            {
                literal.Append(Escape(_text[i + 1]));
                i += 2;
            }
            else if (doubleQuoted && c == '$' && i + 1 < _text.Length && _text[i + 1] == '(')
            {
                var close = MatchingParenthesis(i + 1);
                if (literal.Length > 0)
                {
                    parts.Add(new StringPart(literal.ToString(), null));
                    literal.Clear();
                }

                parts.Add(new StringPart(null, null, _text[(i + 2)..close], i + 2));
                i = close + 1;
            }
            else if (doubleQuoted && c == '$' && i + 1 < _text.Length && (Characters.IsVariableChar(_text[i + 1]) && _text[i + 1] != '?'))
            {
                var nameStart = i + 1;
                var nameEnd = EnvironmentPrefixAt(nameStart) ? nameStart + 4 : nameStart;
                while (nameEnd < _text.Length && (char.IsLetterOrDigit(_text[nameEnd]) || _text[nameEnd] == '_'))
                {
                    nameEnd++;
                }

                if (literal.Length > 0)
                {
                    parts.Add(new StringPart(literal.ToString(), null));
                    literal.Clear();
                }

                parts.Add(new StringPart(null, _text[nameStart..nameEnd]));
                i = nameEnd;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new StringPart(literal.ToString(), null));
        }

        return (parts, i);
    }

    /// <summary>The index of the ')' closing the '(' at <paramref name="open"/>, skipping single-quoted text.</summary>
    private int MatchingParenthesis(int open)
    {
        var depth = 0;
        for (var i = open; i < _text.Length; i++)
        {
            var c = _text[i];
            if (Characters.IsSingleQuote(c))
            {
                i = ReadQuoted(i).End - 1;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
            else if (Characters.IsDoubleQuote(c))
            {
                break;
            }
        }

        throw ParseError.At(ExtentOf(open - 1, _text.Length), "MissingEndParenthesis", "Missing closing ')' in the $( ) subexpression of a string.");
    }

    private static char Escape(char c) => c switch
    {
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\v',
        _ => c,
    };

    private Token StringToken(List<StringPart> parts, int start, TokenKind plainKind = TokenKind.String)
    {
        if (parts.Exists(p => p.IsExpandable))
        {
            return new Token(TokenKind.ExpandableString, string.Concat(parts.Select(p => p.Source)), ExtentOf(start, _pos)) { Value = parts };
        }

        return new Token(plainKind, string.Concat(parts.Select(p => p.Literal)), ExtentOf(start, _pos));
    }
}
