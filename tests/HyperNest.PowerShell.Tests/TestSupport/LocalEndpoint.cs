using System.Diagnostics;
using HyperNest.Model;
using HyperNest.Remoting;

namespace HyperNest.PowerShell.Tests.TestSupport;

/// <summary>
/// PowerShell Direct without a VM: the guest's real endpoint (hypernest -PowerShellDirectEndpoint -) run
/// on this machine over its stdin and stdout, with real PowerShell servers behind it. Everything above the
/// virtio-serial port (the channel, PSRP, the proxies) is what runs against a guest.
/// </summary>
public static class LocalEndpoint
{
    /// <summary>The hypernest apphost the solution build wrote (test.sh builds it before the tests).</summary>
    public static string Executable
    {
        get
        {
            var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = baseDirectory.Parent!.Name; // bin/<Configuration>/net10.0/
            var root = baseDirectory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "HyperNest.slnx")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root?.FullName ?? "", "src", "HyperNest.Cli", "bin", configuration, baseDirectory.Name, "hypernest");
            return File.Exists(path) ? path : throw new FileNotFoundException($"hypernest is not built at {path}: build the solution (dotnet build HyperNest.slnx -c {configuration}) first.", path);
        }
    }

    /// <summary>A target whose every Connect starts a new endpoint process; <see cref="Started"/> lists them so tests can end them.</summary>
    public static PowerShellDirectTarget Target(string vmName, Guid vmId, List<Process> started) => new(vmName, vmId, () =>
    {
        var start = new ProcessStartInfo(Executable, ["-PowerShellDirectEndpoint", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        lock (started)
        {
            started.Add(process);
        }

        return new DuplexStream(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
    });
}
