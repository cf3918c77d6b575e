using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Guest;

/// <summary>
/// PowerShell Direct: the script runs inside each guest, by the guest's own HyperNest shell, so cmdlets and
/// Linux programs both work there. The guest's output comes back as lines of text (not objects, as with
/// deserialized remoting output); a failing script is this command's error.
/// </summary>
[Cmdlet("Invoke", "Command", DefaultParameterSetName = ByName, Synopsis = "Runs a script inside virtual machines through their guest agent (PowerShell Direct).")]
public sealed class InvokeCommandCommand : Cmdlet
{
    private const string ByName = "VMName";
    private const string ById = "VMId";

    /// <summary>An L1 host booting its own nested VM inside the script takes minutes under TCG.</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(30);

    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = ById, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMGuid")]
    public Guid[]? VMId { get; set; }

    [Parameter(Position = 1)]
    [Alias("Command")]
    public ScriptBlock? ScriptBlock { get; set; }

    [Parameter]
    public string? FilePath { get; set; }

    protected internal override void ProcessRecord()
    {
        if (VMName is null && VMId is null)
        {
            ThrowParameterError("HyperNest's Invoke-Command runs scripts inside virtual machines only (PowerShell Direct): give -VMName or -VMId. To run a script here, run it without Invoke-Command.");
        }

        var script = ScriptText();
        foreach (var name in TargetNames())
        {
            try
            {
                Report(name, Host.InvokeCommand(name, script, ScriptTimeout, CancellationToken));
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
            return ScriptBlock.Text;
        }

        var path = Path.GetFullPath(FilePath!);
        if (!File.Exists(path))
        {
            ThrowTerminatingError(new ErrorRecord(
                $"Cannot find the script file '{path}' on this host: -FilePath names a script on the host, which is copied into the guest's shell.",
                ErrorCategory.ObjectNotFound, "FilePathNotFound", path, CommandName));
        }

        return File.ReadAllText(path);
    }

    private IEnumerable<string> TargetNames()
    {
        if (VMId is null)
        {
            return Vm.VmNameResolver.Resolve(Host, VMName, null);
        }

        var all = Host.GetVms();
        var names = new List<string>();
        foreach (var id in VMId)
        {
            if (all.FirstOrDefault(vm => vm.Id == id) is { } vm)
            {
                names.Add(vm.Name);
            }
            else
            {
                WriteError(new ErrorRecord(
                    $"Hyper-V was unable to find a virtual machine with ID {id}. Get-VM | Select-Object Name, Id lists them.",
                    ErrorCategory.InvalidArgument, "InvalidParameter", id.ToString(), CommandName));
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

        WriteError(new ErrorRecord(
            $"The script failed in virtual machine '{vmName}' with exit code {result.ExitCode}{(errorText.Length > 0 ? ":" + Environment.NewLine + errorText : " and wrote no error output.")}",
            ErrorCategory.FromStdErr, "GuestCommandFailed", vmName, CommandName));
    }
}
