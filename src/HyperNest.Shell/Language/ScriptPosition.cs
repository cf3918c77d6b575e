namespace HyperNest.Shell.Language;

/// <summary>A location for an error message: "At line:1 char:5", the line's text, and how much of it to underline.</summary>
public sealed record ScriptPosition(string? SourceName, int Line, int Column, string LineText, int Length)
{
    public static ScriptPosition From(string script, Extent extent, string? sourceName)
    {
        var lineStart = extent.Start;
        while (lineStart > 0 && script[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        var lineEnd = script.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = script.Length;
        }

        var lineText = script[lineStart..lineEnd].TrimEnd('\r');
        var column = extent.Start - lineStart + 1;
        var length = Math.Max(1, Math.Min(extent.Length, lineText.Length - column + 1));
        return new ScriptPosition(sourceName, extent.Line, column, lineText, length);
    }
}
