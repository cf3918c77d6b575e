using System.Text;

namespace HyperNest.Images;

/// <summary>
/// Fields of /proc/self/mounts and /proc/self/mountinfo: the kernel octal-escapes space, tab, newline
/// and backslash in paths (show_mountinfo → seq_escape), so a field is split on spaces, then unescaped.
/// </summary>
internal static class MountTableText
{
    public static string Unescape(string field)
    {
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length)
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
