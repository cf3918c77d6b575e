using System.Globalization;
using System.Text.RegularExpressions;
using HyperNest.Hosting;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Formatting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>
/// The filters Where-Object understands: comparisons of $_ or $_.Property with a value
/// (-eq -ne -gt -ge -lt -le -like -notlike -match -notmatch), joined by -and / -or (-and binds tighter).
/// </summary>
internal sealed class WhereCondition
{
    public static readonly string[] Operators = ["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch"];

    private readonly List<List<Comparison>> _alternatives;

    private WhereCondition(List<List<Comparison>> alternatives) => _alternatives = alternatives;

    private sealed record Operand(IReadOnlyList<string>? InputPath, object? Constant);

    private sealed record Comparison(Operand Left, string? Operator, Operand? Right);

    /// <summary>The simplified form: Where-Object State -eq Running; without an operator, the property's truth (Where-Object IsDefault).</summary>
    public static WhereCondition Simple(string property, string? op, object? value) =>
        new([[new Comparison(new Operand(property.Split('.'), null), op?.ToLowerInvariant(), op is null ? null : new Operand(null, value))]]);

    public static WhereCondition Parse(string text)
    {
        var tokens = Tokenizer.Tokenize(text).Where(t => t.Kind is not (TokenKind.NewLine or TokenKind.EndOfInput)).ToList();
        var alternatives = new List<List<Comparison>> { new() };
        var i = 0;
        while (i < tokens.Count)
        {
            var left = ReadOperand(tokens, ref i, allowBareWord: false);
            string? op = null;
            Operand? right = null;
            if (i < tokens.Count && tokens[i].Kind == TokenKind.Parameter && Operators.Contains(tokens[i].Text, StringComparer.OrdinalIgnoreCase))
            {
                op = tokens[i++].Text.ToLowerInvariant();
                right = ReadOperand(tokens, ref i, allowBareWord: true);
            }

            alternatives[^1].Add(new Comparison(left, op, right));
            if (i >= tokens.Count)
            {
                break;
            }

            var joiner = tokens[i++];
            if (joiner.Kind == TokenKind.Parameter && joiner.Text.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                alternatives.Add([]);
            }
            else if (!(joiner.Kind == TokenKind.Parameter && joiner.Text.Equals("and", StringComparison.OrdinalIgnoreCase)))
            {
                throw Unsupported(text);
            }
        }

        return new WhereCondition(alternatives);

        Operand ReadOperand(List<Token> list, ref int index, bool allowBareWord)
        {
            if (index >= list.Count)
            {
                throw Unsupported(text);
            }

            var token = list[index++];
            return token.Kind switch
            {
                TokenKind.Variable when token.Text is "_" || token.Text.Equals("PSItem", StringComparison.OrdinalIgnoreCase) => new Operand((string[])token.Value!, null),
                TokenKind.Variable when token.Text.Equals("true", StringComparison.OrdinalIgnoreCase) => new Operand(null, true),
                TokenKind.Variable when token.Text.Equals("false", StringComparison.OrdinalIgnoreCase) => new Operand(null, false),
                TokenKind.Variable when token.Text.Equals("null", StringComparison.OrdinalIgnoreCase) => new Operand(null, null),
                TokenKind.Number => new Operand(null, token.Value),
                TokenKind.String => new Operand(null, token.Text),
                TokenKind.Word when allowBareWord => new Operand(null, token.Text),
                _ => throw Unsupported(text),
            };
        }
    }

    public bool IsMatch(object? input) => _alternatives.Exists(all => all.TrueForAll(c => Evaluate(c, input)));

    private static bool Evaluate(Comparison comparison, object? input)
    {
        var left = Value(comparison.Left, input);
        if (comparison.Operator is null)
        {
            return Truthy(left);
        }

        var right = Value(comparison.Right!, input);
        return comparison.Operator switch
        {
            "eq" => AreEqual(left, right),
            "ne" => !AreEqual(left, right),
            "gt" => Compare(left, right) > 0,
            "ge" => Compare(left, right) >= 0,
            "lt" => Compare(left, right) < 0,
            "le" => Compare(left, right) <= 0,
            "like" => new WildcardPattern(ValueText.Format(right)).IsMatch(ValueText.Format(left)),
            "notlike" => !new WildcardPattern(ValueText.Format(right)).IsMatch(ValueText.Format(left)),
            "match" => Regex.IsMatch(ValueText.Format(left), ValueText.Format(right), RegexOptions.IgnoreCase),
            _ => !Regex.IsMatch(ValueText.Format(left), ValueText.Format(right), RegexOptions.IgnoreCase),
        };
    }

    private static object? Value(Operand operand, object? input)
    {
        if (operand.InputPath is null)
        {
            return operand.Constant;
        }

        var value = input;
        foreach (var member in operand.InputPath)
        {
            value = PropertyAccessor.GetValue(value, member);
        }

        return value;
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture) != 0,
        _ when ValueText.IsNumber(value) => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        _ => true,
    };

    private static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (ValueText.IsNumber(left) && ArgumentConverter.TryConvert(right, typeof(double), out var number))
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture) == (double)number!;
        }

        if (left is bool flag && ArgumentConverter.TryConvert(right, typeof(bool), out var other))
        {
            return flag == (bool)other!;
        }

        return string.Equals(ValueText.Format(left), ValueText.Format(right), StringComparison.OrdinalIgnoreCase);
    }

    private static int Compare(object? left, object? right)
    {
        if (ArgumentConverter.TryConvert(left, typeof(double), out var a) && ArgumentConverter.TryConvert(right, typeof(double), out var b) && left is not string)
        {
            return ((double)a!).CompareTo((double)b!);
        }

        return string.Compare(ValueText.Format(left), ValueText.Format(right), StringComparison.OrdinalIgnoreCase);
    }

    private static ShellException Unsupported(string text) => new(new ErrorRecord(
        $"Where-Object understands only comparisons like {{ $_.State -eq 'Running' }} joined by -and/-or; it cannot run {{{text}}}.",
        ErrorCategory.NotImplemented,
        "UnsupportedFilterScript",
        null,
        "Where-Object"));
}
