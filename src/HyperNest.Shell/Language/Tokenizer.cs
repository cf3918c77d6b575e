using System.Text;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Language;

/// <summary>
/// Splits script text into tokens the way PowerShell's argument mode does, which is the mode every line
/// of a Hyper-V lab guide is in. Errors are terminating ParserError records carrying line and column.
/// </summary>
internal sealed class Tokenizer
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];
    private int _pos;

    private Tokenizer(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static IReadOnlyList<Token> Tokenize(string text) => new Tokenizer(text).ReadAll();

    private List<Token> ReadAll()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var spaced = SkipBlanksAndComments() || tokens.Count == 0;
            if (_pos >= _text.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfInput, "", ExtentOf(_pos, _pos)) { PrecededBySpace = true });
                return tokens;
            }

            tokens.Add(ReadToken() with { PrecededBySpace = spaced });
        }
    }

    /// <summary>Skips blanks, comments and backtick line continuations; true when anything was skipped.</summary>
    private bool SkipBlanksAndComments()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (Characters.IsBlank(c))
            {
                _pos++;
            }
            else if (c == '`' && IsLineEndAt(_pos + 1))
            {
                _pos++;
                SkipLineEnd();
            }
            else if (c == '`' && _pos + 1 >= _text.Length)
            {
                throw ParseError.At(ExtentOf(_pos, _pos + 1), "IncompleteLineContinuation", "The line ends with a backtick (line continuation) but no line follows.");
            }
            else if (c == '<' && Peek(1) == '#')
            {
                var end = _text.IndexOf("#>", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw ParseError.At(ExtentOf(_pos, _pos + 2), "MissingEndOfBlockComment", "The block comment is missing its terminator '#>'.");
                }

                _pos = end + 2;
            }
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        return _pos > start;
    }

    private Token ReadToken()
    {
        var start = _pos;
        var c = _text[_pos];
        switch (c)
        {
            case '\n':
                _pos++;
                return Simple(TokenKind.NewLine, start);
            case ';':
                _pos++;
                return Simple(TokenKind.Semicolon, start);
            case '|':
                _pos++;
                if (Peek(0) == '|')
                {
                    throw ParseError.At(ExtentOf(start, _pos + 1), "PipelineChainNotSupported", "The '||' operator is not supported; put the commands on separate lines.");
                }

                return Simple(TokenKind.Pipe, start);
            case ',':
                _pos++;
                return Simple(TokenKind.Comma, start);
            case '(':
                _pos++;
                return Simple(TokenKind.LeftParen, start);
            case ')':
                _pos++;
                return Simple(TokenKind.RightParen, start);
            case '=':
                _pos++;
                return Simple(TokenKind.Equals, start);
            case '{':
                return ReadScriptBlock();
            case '}':
                throw ParseError.At(ExtentOf(start, start + 1), "UnexpectedToken", "Unexpected token '}' in expression or statement.");
            case '&':
                throw ParseError.At(ExtentOf(start, start + 1), "AmpersandNotAllowed", "The ampersand (&) character is not allowed here; quote it (\"&\") to pass it as part of a string.");
            case '>':
                throw ParseError.At(ExtentOf(start, start + 1), "RedirectionNotSupported", "Output redirection (>) is not supported; pipe to a command instead.");
            case '@' when Peek(1) == '{':
                throw ParseError.At(ExtentOf(start, start + 2), "HashtableNotSupported", "Hashtables (@{ ... }) are not supported; pass each value with its own parameter.");
            case '@' when Peek(1) == '(':
                _pos += 2;
                return Simple(TokenKind.AtParen, start);
            case '$' when Peek(1) == '(':
                _pos += 2;
                return Simple(TokenKind.DollarParen, start);
            case '$' when Peek(1) is { } next && (Characters.IsVariableChar(next) || next == '{'):
                return ReadVariable();
        }

        if (Characters.IsDash(c) && Peek(1) is { } first && Characters.IsParameterStart(first))
        {
            return ReadParameter();
        }

        if (Characters.IsSingleQuote(c) || Characters.IsDoubleQuote(c))
        {
            var (parts, end) = ReadQuoted(_pos);
            _pos = end;
            if (_pos < _text.Length && !Characters.EndsWord(_text[_pos]))
            {
                // A quoted string glued to more text ("a"b) is one argument, as in PowerShell.
                _pos = start;
                return ReadWord();
            }

            return StringToken(parts, start);
        }

        return ReadWord();
    }

    private Token ReadParameter()
    {
        var start = _pos;
        _pos++;
        var nameStart = _pos;
        while (_pos < _text.Length && !Characters.EndsWord(_text[_pos]) && _text[_pos] != ':')
        {
            if (_text[_pos] is '<' or '\'' or '"' || Characters.IsSingleQuote(_text[_pos]) || Characters.IsDoubleQuote(_text[_pos]))
            {
                // Not a parameter name after all (e.g. -"x" or -<x>): read it as a word.
                _pos = start;
                return ReadWord();
            }

            _pos++;
        }

        var name = _text[nameStart.._pos];
        var colon = _pos < _text.Length && _text[_pos] == ':';
        if (colon)
        {
            _pos++;
        }

        return new Token(TokenKind.Parameter, name, ExtentOf(start, _pos)) { HasColon = colon };
    }

    private Token ReadVariable()
    {
        var start = _pos;
        _pos++;
        string name;
        if (_text[_pos] == '{')
        {
            var close = _text.IndexOf('}', _pos);
            if (close < 0)
            {
                throw ParseError.At(ExtentOf(start, _text.Length), "MissingEndCurlyBrace", "Missing '}' at the end of the variable name.");
            }

            name = _text[(_pos + 1)..close];
            _pos = close + 1;
        }
        else
        {
            var nameStart = _pos;
            while (_pos < _text.Length && Characters.IsVariableChar(_text[_pos]))
            {
                _pos++;
            }

            if (EnvironmentPrefixAt(nameStart))
            {
                _pos = nameStart + 4;
                while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    _pos++;
                }
            }

            name = _text[nameStart.._pos];
        }

        var pathMatch = MemberPath.Pattern().Match(_text, _pos);
        var path = pathMatch.Index == _pos ? MemberPath.Split(pathMatch.Value) : [];
        _pos += path.Length > 0 ? pathMatch.Length : 0;
        return new Token(TokenKind.Variable, name, ExtentOf(start, _pos)) { Value = path.ToArray() };
    }

    private Token ReadWord()
    {
        var start = _pos;
        var parts = new List<StringPart>();
        var literal = new StringBuilder();
        var quoted = false;
        while (_pos < _text.Length && !Characters.EndsWord(_text[_pos]))
        {
            var c = _text[_pos];
            if (c == '`')
            {
                if (IsLineEndAt(_pos + 1) || _pos + 1 >= _text.Length)
                {
                    break;
                }

                literal.Append(_text[_pos + 1]);
                _pos += 2;
            }
            else if (c == '<')
            {
                throw PlaceholderOrRedirection(_pos);
            }
            else if (Characters.IsSingleQuote(c) || Characters.IsDoubleQuote(c))
            {
                quoted = true;
                var (inner, end) = ReadQuoted(_pos);
                foreach (var part in inner)
                {
                    if (part.Literal is not null)
                    {
                        literal.Append(part.Literal);
                    }
                    else
                    {
                        Flush();
                        parts.Add(part);
                    }
                }

                _pos = end;
            }
            else
            {
                literal.Append(c);
                _pos++;
            }
        }

        Flush();
        if (parts.Count == 0 || parts.Exists(p => p.IsExpandable))
        {
            return StringToken(parts, start, TokenKind.Word);
        }

        var text = string.Concat(parts.Select(p => p.Literal));
        if (!quoted)
        {
            var number = NumberToken(text, start);
            if (number is not null)
            {
                return number;
            }
        }

        return new Token(TokenKind.Word, text, ExtentOf(start, _pos)) { Value = quoted ? null : text };

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new StringPart(literal.ToString(), null));
                literal.Clear();
            }
        }
    }

    private Token? NumberToken(string text, int start)
    {
        var negative = text.Length > 1 && Characters.IsDash(text[0]);
        var digits = negative ? text[1..] : text;
        switch (NumberLiteral.TryParse(digits, out var value, out var suffix))
        {
            case NumberLiteral.Outcome.Number:
                var signed = negative ? Negate(value!) : value;
                return new Token(TokenKind.Number, negative ? "-" + digits : digits, ExtentOf(start, _pos)) { Value = signed };
            case NumberLiteral.Outcome.BadSuffix:
                throw ParseError.At(ExtentOf(start, _pos), "BadNumericConstant",
                    $"The number '{text}' has an unknown size suffix '{suffix}'. Use KB, MB, GB, TB or PB (1KB = 1024 bytes), e.g. {digits[..^suffix.Length]}GB, or quote the text to pass it as a string.");
            case NumberLiteral.Outcome.TooLarge:
                throw ParseError.At(ExtentOf(start, _pos), "BadNumericConstant", $"The number '{text}' is too large.");
            default:
                return null;
        }
    }

    private static object Negate(object value) => value switch
    {
        int i => -i,
        long l => -l,
        double d => -d,
        _ => value,
    };

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

    private Token ReadScriptBlock()
    {
        var start = _pos;
        var depth = 0;
        var i = _pos;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                _pos = i + 1;
                return new Token(TokenKind.ScriptBlock, _text[(start + 1)..i], ExtentOf(start, _pos));
            }
            else if (Characters.IsSingleQuote(c) || Characters.IsDoubleQuote(c))
            {
                i = ReadQuoted(i).End;
                continue;
            }
            else if (c == '`')
            {
                i++;
            }

            i++;
        }

        throw ParseError.At(ExtentOf(start, start + 1), "MissingEndCurlyBrace", "Missing closing '}' in statement block.");
    }

    private ShellException PlaceholderOrRedirection(int at)
    {
        var lineEnd = _text.IndexOf('\n', at);
        var close = _text.IndexOf('>', at);
        if (close > at && (lineEnd < 0 || close < lineEnd))
        {
            var placeholder = _text[at..(close + 1)];
            return ParseError.At(ExtentOf(at, close + 1), "PlaceholderNotReplaced",
                $"The line still contains the placeholder '{placeholder}' copied from the documentation. Replace {placeholder} with a real value (for example, a VM name) and run the line again.");
        }

        return ParseError.At(ExtentOf(at, at + 1), "RedirectionNotSupported", "The '<' operator is reserved for future use.");
    }

    /// <summary>$env:NAME reads an environment variable.</summary>
    private bool EnvironmentPrefixAt(int i) => string.Compare(_text, i, "env:", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;

    private bool IsLineEndAt(int i) => i < _text.Length && (_text[i] == '\n' || (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n'));

    private void SkipLineEnd()
    {
        if (_text[_pos] == '\r')
        {
            _pos++;
        }

        _pos++;
    }

    private char? Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : null;

    private Token Simple(TokenKind kind, int start) => new(kind, _text[start.._pos], ExtentOf(start, _pos));

    private Extent ExtentOf(int start, int end)
    {
        var line = _lineStarts.BinarySearch(start);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new Extent(start, end, line + 1, start - _lineStarts[line] + 1);
    }
}
