using System.Text;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Formatting;

/// <summary>
/// Prints an error record as PowerShell does:
/// message, "At line:L char:C", the line with the failing part underlined, CategoryInfo and FullyQualifiedErrorId.
/// </summary>
public static class ErrorFormatter
{
    public static string Format(ErrorRecord record)
    {
        var text = new StringBuilder();
        var isParseError = record.Category == Hosting.ErrorCategory.ParserError;
        if (!isParseError)
        {
            text.Append(record.CommandName is null ? record.Message : $"{record.CommandName} : {record.Message}").Append('\n');
        }

        if (record.Position is { } position)
        {
            var where = position.SourceName is null ? $"At line:{position.Line}" : $"At {position.SourceName}:{position.Line}";
            text.Append(where).Append(" char:").Append(position.Column).Append('\n');
            text.Append("+ ").Append(position.LineText).Append('\n');
            text.Append("+ ").Append(' ', position.Column - 1).Append('~', position.Length).Append('\n');
        }

        // PowerShell prints a parse error's message after the position, the others before it.
        if (isParseError)
        {
            text.Append(record.Message).Append('\n');
        }

        var target = record.TargetName is null ? ":" : $"{record.TargetName}:String";
        text.Append("    + CategoryInfo          : ")
            .Append($"{record.Category}: ({target}) [{record.CommandName}], {record.ReasonName}")
            .Append('\n');
        text.Append("    + FullyQualifiedErrorId : ").Append(record.FullyQualifiedErrorId).Append('\n');
        text.Append('\n');
        return text.ToString();
    }
}
