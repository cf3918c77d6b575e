namespace HyperNest.Shell.Language;

/// <summary>
/// Splits script text into tokens the way PowerShell's argument mode does, which is the mode every line
/// of a Hyper-V lab guide is in. Errors are terminating ParserError records carrying line and column.
/// </summary>
internal sealed partial class Tokenizer
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
                throw ParseError.At(ExtentOf(start, start + 1), "RedirectionNotSupported", "Redirection (>, 2>, 2>&1) is not supported: pipe to Out-Null to discard output, add -ErrorAction SilentlyContinue to hide errors, or pipe to Out-String.");
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
