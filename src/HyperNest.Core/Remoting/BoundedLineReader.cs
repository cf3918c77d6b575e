using System.Text;

namespace HyperNest.Remoting;

/// <summary>One line read by <see cref="BoundedLineReader"/>: its text, or only its head when it was too long.</summary>
public readonly record struct BoundedLine(string? Text, string Head)
{
    public bool IsOverlong => Text is null;
}

/// <summary>
/// Reads '\n'-ended UTF-8 lines from a stream the other side controls (a guest, or the host): a line longer
/// than the limit is skipped up to its end and reported by its head only, so a huge or endless line costs
/// bounded memory and ends only the session it names.
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private const int HeadBytes = 64;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line, or null at the end of the stream (a last line without '\n' is dropped: its writer died mid-line).</summary>
    public BoundedLine? ReadLine()
    {
        _line.SetLength(0);
        var overlong = false;
        string? head = null;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end <= 0)
                {
                    _end = 0;
                    return null;
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (!overlong && _line.Length + take > maxLineBytes)
            {
                _line.Write(_buffer, _start, Math.Max(0, Math.Min(take, HeadBytes - (int)_line.Length)));
                head = Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)Math.Min(_line.Length, HeadBytes));
                overlong = true;
            }
            else if (!overlong)
            {
                _line.Write(_buffer, _start, take);
            }

            _start += take;
            if (newline >= 0)
            {
                _start++;
                if (overlong)
                {
                    return new BoundedLine(null, head!);
                }

                var text = Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length);
                return new BoundedLine(text, text.Length > HeadBytes ? text[..HeadBytes] : text);
            }
        }
    }
}
