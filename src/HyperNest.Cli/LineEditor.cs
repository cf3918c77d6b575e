using System.Text;

namespace HyperNest.Cli;

/// <summary>
/// A small line editor with history (↑/↓), cursor movement and deletion, because Console.ReadLine on
/// Linux keeps no history. Falls back to plain reads when input is not a terminal.
/// </summary>
internal sealed class LineEditor
{
    private const int MaxHistory = 1000;
    private readonly string _historyPath;
    private readonly List<string> _history;

    public LineEditor(string historyPath)
    {
        _historyPath = historyPath;
        _history = File.Exists(historyPath) ? [.. File.ReadAllLines(historyPath).TakeLast(MaxHistory)] : [];
    }

    public void Remember(string entry)
    {
        var line = entry.Replace('\n', ' ');
        if (_history.Count > 0 && _history[^1] == line)
        {
            return;
        }

        _history.Add(line);
        try
        {
            File.AppendAllLines(_historyPath, [line]);
        }
        catch (IOException)
        {
            // History is a convenience; a read-only home must not break the shell.
        }
    }

    public string? ReadLine(string prompt)
    {
        Console.Out.Write(prompt);
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        var buffer = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Out.WriteLine();
                    return buffer.ToString();
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && buffer.Length == 0:
                    Console.Out.WriteLine();
                    return null;
                case ConsoleKey.C when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    Console.Out.WriteLine("^C");
                    return "";
                case ConsoleKey.Backspace when cursor > 0:
                    buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < buffer.Length:
                    buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < buffer.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    historyIndex--;
                    buffer.Clear().Append(_history[historyIndex]);
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    historyIndex++;
                    buffer.Clear().Append(historyIndex < _history.Count ? _history[historyIndex] : "");
                    cursor = buffer.Length;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        buffer.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw(prompt, buffer, cursor);
        }
    }

    private static void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        // Carriage return, prompt and text, clear to end of line, then put the cursor back in place.
        Console.Out.Write($"\r{prompt}{buffer}\u001b[K");
        var back = buffer.Length - cursor;
        if (back > 0)
        {
            Console.Out.Write($"\u001b[{back}D");
        }
    }
}
