using System.Text;
using System.Text.RegularExpressions;

namespace HyperNest.Shell.Commands.Common;

/// <summary>PowerShell wildcards for names: * ? and [abc], case-insensitive, anchored at both ends.</summary>
public sealed class WildcardPattern
{
    private readonly Regex _regex;

    public WildcardPattern(string pattern)
    {
        Pattern = pattern;
        var builder = new StringBuilder("^");
        foreach (var c in pattern)
        {
            builder.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        builder.Append('$');
        _regex = new Regex(builder.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    public static bool ContainsWildcards(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    public bool IsMatch(string text) => _regex.IsMatch(text);
}
