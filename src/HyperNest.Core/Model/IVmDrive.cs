namespace HyperNest.Model;

/// <summary>What hard disk and DVD drives share: their VM, identity and place on a controller.</summary>
public interface IVmDrive
{
    string VMName { get; }

    Guid DriveId { get; }

    ControllerType ControllerType { get; }

    int ControllerNumber { get; }

    int ControllerLocation { get; }

    /// <summary>Hyper-V's display name, e.g. "Hard Drive on IDE controller number 0 at location 0".</summary>
    string Name { get; }
}
