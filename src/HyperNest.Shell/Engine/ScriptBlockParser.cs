using System.Runtime.CompilerServices;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Parses a script block's text once per block. The text is parsed in place within its source script
/// (everything else blanked, newlines kept) so every extent, and so every error position, is the source's.
/// </summary>
internal static class ScriptBlockParser
{
    private static readonly ConditionalWeakTable<ScriptBlock, ScriptAst> Cache = [];

    public static ScriptAst Parse(ScriptBlock block) => Cache.GetValue(block, b => Parser.Parse(InPlace(b)));

    private static string InPlace(ScriptBlock block)
    {
        if (block.SourceScript is not { } source)
        {
            return block.Text;
        }

        var end = block.SourceStart + block.Text.Length;
        return string.Create(source.Length, (source, block.SourceStart, end), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.source[i];
                span[i] = (i >= state.SourceStart && i < state.end) || c == '\n' ? c : ' ';
            }
        });
    }
}
