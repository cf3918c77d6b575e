using System.Text;

namespace HyperNest.Hosting;

/// <summary>
/// What a guest writes to its serial console reaches the administrator's terminal through Get-VMConsole,
/// so a guest could set the window title, clear the screen or write the clipboard (OSC 52) there. Hyper-V
/// shows its console in a window of its own; here the console's text is shown with every terminal control
/// sequence and control character removed (tabs kept), unless the caller asks for the raw text.
/// </summary>
public static class TerminalText
{
    private const char Escape = '\u001b';
    private const char Bell = '\u0007';

    /// <summary>The line without ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes), C0/C1 controls or DEL.</summary>
    public static string Printable(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Any(IsControl))
        {
            return line;
        }

        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == Escape)
            {
                i = EndOfEscape(line, i);
            }
            else if (c == '\u009b')
            {
                i = EndOfControlSequence(line, i + 1);
            }
            else if (c is '\u009d' or '\u0090' or '\u0098' or '\u009e' or '\u009f')
            {
                i = EndOfString(line, i + 1);
            }
            else if (c == '\t' || !IsControl(c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsControl(char c) => c < ' ' && c != '\t' || c is >= '\u007f' and <= '\u009f';

    /// <summary>Index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int EndOfEscape(string line, int start)
    {
        if (start + 1 >= line.Length)
        {
            return start;
        }

        return line[start + 1] switch
        {
            '[' => EndOfControlSequence(line, start + 2),
            ']' or 'P' or 'X' or '^' or '_' => EndOfString(line, start + 2),
            // ESC, intermediates (0x20–0x2F), then one final character: e.g. ESC ( B, ESC 7, ESC c.
            _ => EndOfIntermediates(line, start + 1),
        };
    }

    /// <summary>CSI: parameters and intermediates (0x20–0x3F), then one final character (0x40–0x7E).</summary>
    private static int EndOfControlSequence(string line, int from)
    {
        var i = from;
        while (i < line.Length && line[i] is >= ' ' and <= '?')
        {
            i++;
        }

        return Math.Min(i, line.Length - 1);
    }

    private static int EndOfIntermediates(string line, int from)
    {
        var i = from;
        while (i < line.Length && line[i] is >= ' ' and <= '/')
        {
            i++;
        }

        return Math.Min(i, line.Length - 1);
    }

    /// <summary>OSC, DCS, SOS, PM, APC: everything up to BEL or the string terminator (ESC \ or 0x9C), or the end of the line.</summary>
    private static int EndOfString(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (line[i] is Bell or '\u009c')
            {
                return i;
            }

            if (line[i] == Escape && i + 1 < line.Length && line[i + 1] == '\\')
            {
                return i + 1;
            }
        }

        return line.Length - 1;
    }
}
