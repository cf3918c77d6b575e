using HyperNest.Hosting;
using HyperNest.Model;
using System.Management.Automation;

namespace HyperNest.PowerShell.Cmdlets.Guest;

/// <summary>
/// PowerShell Direct: the script runs inside each guest, by the guest's own HyperNest shell, so cmdlets and
/// Linux programs both work there. The guest's output comes back as lines of text (not objects, as with
/// deserialized remoting output); a failing script is this command's error.
/// </summary>
[Cmdlet("Invoke", "VMCommand", DefaultParameterSetName = ByName)]
public sealed class InvokeVmCommandCommand : HyperNestCmdlet
{
    private const string ByName = "VMName";
    private const string ById = "VMId";

    /// <summary>An L1 host booting its own nested VM inside the script takes minutes under TCG.</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(30);

    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ById, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMGuid")]
    [ValidateNotNullOrEmpty]
    public Guid[]? VMId { get; set; }

    [Parameter(Position = 1)]
    [Alias("Command")]
    [ValidateNotNull]
    public ScriptBlock? ScriptBlock { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FilePath { get; set; }

    /// <summary>Values for the script block's param() (or $args), written into the guest script as literals.</summary>
    [Parameter]
    [Alias("Args")]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? ArgumentList { get; set; }

    /// <summary>Hyper-V signs in to the guest with it; HyperNest's guest agent runs the script as root.</summary>
    [Parameter]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    protected override void BeginProcessing() =>
        WarnIgnored(nameof(Credential), "the guest agent runs the script as the guest's root; no sign-in is needed.");

    protected override void Process()
    {
        if (VMName is null && VMId is null)
        {
            ThrowParameterError("HyperNest's Invoke-Command runs scripts inside virtual machines only (PowerShell Direct): give -VMName or -VMId. To run a script here, run it without Invoke-Command.");
        }

        var script = GuestScriptArguments.Bind(ScriptText(), ArgumentList ?? [], out var unsupported)
            ?? throw Terminate(CreateError(
                $"-ArgumentList value '{unsupported}' ({unsupported?.GetType().Name}) cannot be sent to the guest: HyperNest's Invoke-Command -VMName carries the script as text, "
                + "so arguments must be strings, numbers, booleans, GUIDs or arrays of them. Pass the values the object holds (e.g. $vm.Name) instead.",
                ErrorCategory.InvalidArgument, "ArgumentNotSupported", unsupported));
        foreach (var name in TargetNames())
        {
            try
            {
                Report(name, Virtualization.InvokeCommand(name, script, ScriptTimeout, CancellationToken));
            }
            catch (HostException ex)
            {
                WriteError(ex);
            }
        }
    }

    private string ScriptText()
    {
        if ((ScriptBlock is null) == (FilePath is null))
        {
            ThrowParameterError("Give the script to run in the guest either as -ScriptBlock { … } or as -FilePath <script on this host>, not both.", "AmbiguousParameterSet");
        }

        if (ScriptBlock is not null)
        {
            return ScriptBlock.ToString();
        }

        var path = Path.GetFullPath(FilePath!);
        if (!File.Exists(path))
        {
            throw Terminate(CreateError(
                $"Cannot find the script file '{path}' on this host: -FilePath names a script on the host, which is copied into the guest's shell.",
                ErrorCategory.ObjectNotFound, "FilePathNotFound", path));
        }

        return File.ReadAllText(path);
    }

    private IEnumerable<string> TargetNames()
    {
        if (VMId is null)
        {
            return Vm.VmNameResolver.Resolve(Virtualization, VMName, null);
        }

        var all = Virtualization.GetVms();
        var names = new List<string>();
        foreach (var id in VMId)
        {
            if (all.FirstOrDefault(vm => vm.Id == id) is { } vm)
            {
                names.Add(vm.Name);
            }
            else
            {
                WriteError(CreateError(
                    $"Hyper-V was unable to find a virtual machine with ID {id}. Get-VM | Select-Object Name, Id lists them.",
                    ErrorCategory.InvalidArgument, "InvalidParameter", id.ToString()));
            }
        }

        return names;
    }

    private void Report(string vmName, GuestCommandResult result)
    {
        WriteObjects(GuestOutput.Lines(result.StandardOutput));
        var errorText = result.StandardError.Trim();
        if (result.Succeeded)
        {
            // The guest shell prints its warnings on stderr; a script that succeeded only warned.
            foreach (var line in GuestOutput.Lines(errorText))
            {
                WriteWarning(GuestOutput.WithoutWarningPrefix(line));
            }

            return;
        }

        WriteError(CreateError(
            $"The script failed in virtual machine '{vmName}' with exit code {result.ExitCode}{(errorText.Length > 0 ? ":" + Environment.NewLine + errorText : " and wrote no error output.")}",
            ErrorCategory.FromStdErr, "GuestCommandFailed", vmName));
    }
}
