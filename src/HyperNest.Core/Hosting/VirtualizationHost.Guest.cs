using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Running commands in guests and copying files into them (PowerShell Direct, Copy-VMFile).</summary>
public sealed partial class VirtualizationHost
{
    public GuestCommandResult InvokeCommand(string vmName, string script, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Invoke-Command is being built (issue 3).");

    public void CopyFileToGuest(string vmName, string sourcePath, string destinationPath, bool createFullPath, bool force, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Copy-VMFile is being built (issue 3).");
}
