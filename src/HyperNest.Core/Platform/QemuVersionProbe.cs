using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HyperNest.Platform;

/// <summary>The version of the installed qemu-system-x86_64, from its --version banner.</summary>
public static partial class QemuVersionProbe
{
    public const string DefaultBinary = Qemu.QemuConfinement.Binary;

    /// <summary>Runs "<paramref name="binary"/> --version"; null when QEMU is not installed or does not answer.</summary>
    public static string? Probe(string binary = DefaultBinary, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--version");
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return null;
            }

            return ParseVersion(output.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>"QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)" → "7.2.22".</summary>
    public static string? ParseVersion(string banner)
    {
        var match = VersionPattern().Match(banner);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"QEMU emulator version (\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
