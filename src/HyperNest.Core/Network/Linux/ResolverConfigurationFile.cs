using System.Net;
using System.Text;

namespace HyperNest.Network.Linux;

/// <summary>
/// Writes resolv.conf: a header saying HyperNest manages it, the current file's other lines (search,
/// options, comments) kept, then one nameserver line per server in order.
/// </summary>
public static class ResolverConfigurationFile
{
    public const string Header = "# Managed by HyperNest (Set-DnsClientServerAddress, netsh interface ip set dnsserver): nameserver lines are replaced.";

    /// <summary>
    /// Replaces the file atomically (a temp file in the same directory, then rename(2)), so a resolver
    /// reading it concurrently sees the old or the new file, never half of one. When rename is refused
    /// because the file is a mount point (containers bind-mount /etc/resolv.conf: EBUSY), the new text
    /// is written in place instead. A symlink (systemd-resolved's stub) is replaced by a file: the user
    /// asked for these servers, not for resolved's.
    /// </summary>
    public static void Write(string path, IReadOnlyList<IPAddress> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var full = Path.GetFullPath(path);
        Replace(full, Render(ReadExisting(full), servers));
    }

    /// <summary>The file's text, or null when there is none.</summary>
    public static string? Read(string path) => ReadExisting(Path.GetFullPath(path));

    /// <summary>Puts back a text <see cref="Read"/> returned (null: the file did not exist, so it is removed).</summary>
    public static void Restore(string path, string? text)
    {
        var full = Path.GetFullPath(path);
        if (text is not null)
        {
            Replace(full, text);
            return;
        }

        try
        {
            File.Delete(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.NetworkBackendException($"Could not remove {full}: {e.Message}", e);
        }
    }

    private static void Replace(string full, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.hypernest-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // Every process resolves names through this file, whatever the umask made of the temp file.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            try
            {
                File.Move(temporary, full, overwrite: true);
            }
            catch (IOException)
            {
                File.WriteAllText(full, text);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.NetworkBackendException($"Could not write {full}: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The new file's text from the current one's (null when there is none).</summary>
    public static string Render(string? existing, IReadOnlyList<IPAddress> servers)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        var kept = (existing ?? "").Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => !IsNameserver(line) && line != Header)
            .ToList();
        while (kept.Count > 0 && kept[^1].Trim().Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        foreach (var line in kept)
        {
            text.Append(line).Append('\n');
        }

        foreach (var server in servers)
        {
            text.Append("nameserver ").Append(server).Append('\n');
        }

        return text.ToString();
    }

    private static bool IsNameserver(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("nameserver", StringComparison.Ordinal) && (trimmed.Length == 10 || char.IsWhiteSpace(trimmed[10]));
    }

    private static string? ReadExisting(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hosting.NetworkBackendException($"Could not read {path}: {e.Message}", e);
        }
    }
}
