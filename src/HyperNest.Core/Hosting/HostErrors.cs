namespace HyperNest.Hosting;

/// <summary>
/// The host's error messages, worded after Hyper-V's (so people who know Hyper-V recognise them) and
/// each saying what to do next. One place, so the same failure always reads the same.
/// </summary>
internal static class HostErrors
{
    public static HostException VmNotFound(string name) => new(
        $"Hyper-V was unable to find a virtual machine with name \"{name}\". Get-VM lists the virtual machines on this host.",
        ErrorCategory.InvalidArgument, "InvalidParameter", name);

    public static HostException VmIdNotFound(Guid id) => new(
        $"Hyper-V was unable to find a virtual machine with ID {id}. Get-VM | Select-Object Name, Id lists them.",
        ErrorCategory.InvalidArgument, "InvalidParameter", id.ToString());

    public static HostException VmExists(string name) => new(
        $"A virtual machine named \"{name}\" already exists. Choose another name, or remove the existing one with Remove-VM.",
        ErrorCategory.ResourceExists, "DuplicateName", name);

    public static HostException InvalidName(string name, string why) => new(
        $"\"{name}\" cannot be used as a virtual machine name: {why}",
        ErrorCategory.InvalidArgument, "InvalidParameter", name);

    public static HostException WrongState(string name, string action, Model.VmState state, string whatToDo) => new(
        $"'{name}' failed to {action}. The operation cannot be performed while the virtual machine is in its current state ({state}). {whatToDo}",
        ErrorCategory.InvalidOperation, "InvalidState", name);

    public static HostException InvalidArgument(string message, string? target = null) => new(
        message, ErrorCategory.InvalidArgument, "InvalidParameter", target);

    public static HostException Failed(string message, string? target = null, Exception? inner = null) => new(
        message, ErrorCategory.NotSpecified, "OperationFailed", target, inner);
}
