using System.Text;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Language;

/// <summary>Bare words: command names and unquoted arguments, numbers with size suffixes, and documentation placeholders.</summary>
internal sealed partial class Tokenizer
{
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

        return new Token(TokenKind.Word, text, ExtentOf(start, _pos));

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
}
