namespace HyperNest.Qemu.Qmp;

/// <summary>
/// QEMU (or its guest agent, which speaks the same protocol) answered a command with an error object:
/// {"error": {"class": "GenericError", "desc": "..."}}.
/// </summary>
public sealed class QmpException : Exception
{
    public QmpException(string command, string errorClass, string description)
        : base($"{command}: {errorClass}: {description}")
    {
        Command = command;
        ErrorClass = errorClass;
        Description = description;
    }

    public string Command { get; }

    /// <summary>QAPI's error class, e.g. GenericError, CommandNotFound, DeviceNotActive.</summary>
    public string ErrorClass { get; }

    public string Description { get; }
}
