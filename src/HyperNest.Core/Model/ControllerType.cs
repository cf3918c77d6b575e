namespace HyperNest.Model;

/// <summary>The controller a drive hangs on, as Hyper-V names it (generation 1 boots from IDE, generation 2 from SCSI).</summary>
public enum ControllerType
{
    IDE,
    SCSI,
}
