using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// PowerShell Direct (a PowerShell session into the guest over its own virtio-serial port) and copying files
/// into guests over the guest agent (Copy-VMFile). Both need a Running VM, as on Hyper-V.
/// </summary>
public sealed partial class VirtualizationHost
{
    private const string GuestPosixShell = "/bin/sh";

    /// <summary>One round trip tells what a guest path is: prints dir, file, absent (parent exists) or noparent.</summary>
    private const string ProbePathScript =
        "if [ -d \"$1\" ]; then echo dir; elif [ -e \"$1\" ]; then echo file; elif [ -d \"$(dirname \"$1\")\" ]; then echo absent; else echo noparent; fi";

    /// <summary>
    /// qemu-ga's guest-file-open creates a new file world-writable (0666, ignoring the umask); creating it
    /// first with the shell gives it the guest's usual mode, which guest-file-open keeps when it truncates.
    /// </summary>
    private const string CreateFileScript = ": > \"$1\"";

    private const string CreateFileAndFoldersScript = "mkdir -p \"$(dirname \"$1\")\" && : > \"$1\"";

    /// <summary>How long after Start-VM a guest may take to start its PowerShell Direct endpoint (an L2 under nested TCG is the slow case).</summary>
    private static readonly TimeSpan EndpointStartAllowance = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan EndpointPoll = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan AgentContactTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GuestStepTimeout = TimeSpan.FromMinutes(2);

    public PowerShellDirectTarget GetPowerShellDirectTarget(string vmName)
    {
        var vm = Load(vmName);
        if (vm.State != VmState.Running)
        {
            throw GuestErrors.NotRunning(vm.Name, vm.State);
        }

        return new PowerShellDirectTarget(vm.Name, vm.Id, () => ConnectPowerShellDirect(vm));
    }

    /// <summary>
    /// The guest starts its PowerShell Direct endpoint with the agent, but .NET takes seconds to start under TCG
    /// (minutes in an L2), so right after Wait-VM -For Heartbeat it may not be reading its port yet: a VM that
    /// started in the last <see cref="EndpointStartAllowance"/> gets until then; an older one is asked once.
    /// </summary>
    private Stream ConnectPowerShellDirect(VmRecord vm)
    {
        var deadline = (vm.StartedAt ?? _clock.GetUtcNow()) + EndpointStartAllowance;
        try
        {
            while (true)
            {
                if (_backend.ConnectPowerShellDirect(vm) is { } stream)
                {
                    return stream;
                }

                if (_clock.GetUtcNow() >= deadline || !_backend.IsAlive(vm))
                {
                    throw GuestErrors.NoPowerShellEndpoint(vm.Name);
                }

                Thread.Sleep(EndpointPoll);
            }
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or System.Net.Sockets.SocketException or Qemu.Qmp.QmpException or Qemu.Qmp.QmpConnectionClosedException)
        {
            throw GuestErrors.PowerShellDirectUnreachable(vm.Name, ex);
        }
    }

    public void CopyFileToGuest(string vmName, string sourcePath, string destinationPath, bool createFullPath, bool force, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(sourcePath);
        if (!File.Exists(source))
        {
            throw GuestErrors.SourceMissing(source);
        }

        var vm = LoadWithGuestContact(vmName, IntegrationServices.GuestServiceInterface);
        if (!destinationPath.StartsWith('/'))
        {
            throw GuestErrors.DestinationNotAbsolute(vm.Name, destinationPath);
        }

        var destination = destinationPath;
        var kind = ProbeGuestPath(vm, destination, cancellationToken);
        if (kind == "dir")
        {
            // Like cp: a folder as the destination receives the file under its own name.
            destination = destination.TrimEnd('/') + "/" + Path.GetFileName(source);
            kind = ProbeGuestPath(vm, destination, cancellationToken);
        }

        switch (kind)
        {
            case "dir":
                throw GuestErrors.DestinationExists(vm.Name, destination);
            case "file" when !force:
                throw GuestErrors.DestinationExists(vm.Name, destination);
            case "noparent" when !createFullPath:
                throw GuestErrors.DestinationParentMissing(vm.Name, destination, GuestParent(destination));
            case "noparent":
                RunGuestStep(vm, "create the folder " + GuestParent(destination), GuestPosixShell, ["-c", CreateFileAndFoldersScript, "sh", destination], cancellationToken);
                break;
            case "absent":
                RunGuestStep(vm, "create " + destination, GuestPosixShell, ["-c", CreateFileScript, "sh", destination], cancellationToken);
                break;
        }

        using var content = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        GuardAgentSilence(vm, GuestStepTimeout, "copying " + source, () =>
        {
            _backend.GuestWriteFile(vm, destination, content, cancellationToken);
            return true;
        });
    }

    /// <summary>
    /// Loads the VM and checks the preconditions of PowerShell Direct and Copy-VMFile: Running, the
    /// integration service the action needs enabled (Copy-VMFile: Guest Service Interface), and the guest agent answers.
    /// </summary>
    private VmRecord LoadWithGuestContact(string vmName, string? requiredService = null)
    {
        var vm = Load(vmName);
        if (vm.State != VmState.Running)
        {
            throw GuestErrors.NotRunning(vm.Name, vm.State);
        }

        if (requiredService == IntegrationServices.GuestServiceInterface && !IsServiceEnabled(vm, requiredService))
        {
            throw IntegrationErrors.GuestServiceInterfaceDisabled(vm.Name);
        }

        if (!AgentAnswers(vm, AgentContactTimeout))
        {
            throw GuestErrors.AgentSilent(vm.Name);
        }

        return vm;
    }

    private string ProbeGuestPath(VmRecord vm, string path, CancellationToken cancellationToken) =>
        RunGuestStep(vm, "look up " + path, GuestPosixShell, ["-c", ProbePathScript, "sh", path], cancellationToken).StandardOutput.Trim();

    private GuestCommandResult RunGuestStep(VmRecord vm, string step, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = Execute(vm, program, arguments, GuestStepTimeout, "Copy-VMFile's step to " + step, cancellationToken);
        return result.Succeeded ? result : throw GuestErrors.GuestStepFailed(vm.Name, step, result);
    }

    private GuestCommandResult Execute(VmRecord vm, string program, IReadOnlyList<string> arguments, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        GuardAgentSilence(vm, timeout, what, () => _backend.GuestExecute(vm, program, arguments, null, timeout, cancellationToken));

    private static T GuardAgentSilence<T>(VmRecord vm, TimeSpan timeout, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (TimeoutException ex)
        {
            throw GuestErrors.TimedOut(vm.Name, what, timeout, ex);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            throw GuestErrors.AgentSilent(vm.Name, ex.Message);
        }
    }

    private static string GuestParent(string path)
    {
        var cut = path.TrimEnd('/').LastIndexOf('/');
        return cut <= 0 ? "/" : path[..cut];
    }
}
