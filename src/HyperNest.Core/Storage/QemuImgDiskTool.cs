using System.Text.Json;
using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Processes;

namespace HyperNest.Storage;

/// <summary>Virtual disks as qcow2 files through qemu-img (HyperNest's VHDX).</summary>
public sealed class QemuImgDiskTool : IDiskTool
{
    private const string QemuImg = "qemu-img";

    public void Create(string path, long sizeBytes, string? backingPath, bool preallocate)
    {
        var arguments = new List<string> { "create", "-q", "-f", "qcow2" };
        if (backingPath is not null)
        {
            // The backing file is named by absolute path and format so qemu-img never probes it.
            arguments.AddRange(["-F", ProbeFormat(backingPath), "-b", Path.GetFullPath(backingPath)]);
        }

        if (preallocate)
        {
            arguments.AddRange(["-o", "preallocation=falloc"]);
        }

        arguments.Add(path);
        if (backingPath is null || sizeBytes > 0)
        {
            arguments.Add(sizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Check(ExternalProcess.Run(QemuImg, arguments, TimeSpan.FromMinutes(5)), $"create '{path}'", path);
        // A guest's disk holds the guest's data: only its owner reads it (qemu-img creates it 0644 under umask 022).
        Platform.OwnerOnly.ExistingFile(path);
    }

    public VirtualHardDisk Inspect(string path)
    {
        var result = ExternalProcess.Run(QemuImg, ["info", "--output=json", "-U", path], TimeSpan.FromMinutes(1));
        Check(result, $"read '{path}'", path);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var format = root.GetProperty("format").GetString() ?? "raw";
        var parent = root.TryGetProperty("full-backing-filename", out var backing) ? backing.GetString() : null;
        return new VirtualHardDisk
        {
            Path = path,
            VhdFormat = format.ToUpperInvariant(),
            VhdType = parent is not null ? "Differencing" : IsPreallocated(root) ? "Fixed" : "Dynamic",
            Size = root.GetProperty("virtual-size").GetInt64(),
            FileSize = root.TryGetProperty("actual-size", out var actual) ? actual.GetInt64() : new FileInfo(path).Length,
            ParentPath = parent,
        };
    }

    public void Resize(string path, long sizeBytes, bool allowShrink)
    {
        var arguments = new List<string> { "resize", "-q" };
        if (allowShrink)
        {
            arguments.Add("--shrink");
        }

        arguments.AddRange([path, sizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Check(ExternalProcess.Run(QemuImg, arguments, TimeSpan.FromMinutes(5)), $"resize '{path}'", path);
    }

    private string ProbeFormat(string path) => Inspect(path).VhdFormat.ToLowerInvariant();

    private static bool IsPreallocated(JsonElement root) =>
        root.TryGetProperty("actual-size", out var actual) && actual.GetInt64() >= root.GetProperty("virtual-size").GetInt64();

    private static void Check(ExternalProcess.Result result, string what, string path)
    {
        if (!result.Succeeded)
        {
            throw new HostException($"qemu-img could not {what}: {result.StandardError.Trim()}", ErrorCategory.InvalidData, "VhdOperationFailed", path);
        }
    }
}
