using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Hyper-V's controller limits and where a new drive goes. Generation 1 has two IDE controllers with
/// two locations each, and SCSI; generation 2 has only SCSI. HyperNest gives every VM one SCSI controller
/// (number 0, locations 0-63), which Hyper-V's generation 2 VMs have by default; more need Add-VMScsiController,
/// which HyperNest does not have.
/// </summary>
internal static class DriveRules
{
    public const int IdeControllers = 2;
    public const int IdeLocations = 2;
    public const int ScsiControllers = 1;
    public const int ScsiLocations = 64;

    /// <summary>Where a drive is asked to go; null parts are Hyper-V's "first available".</summary>
    public sealed record Placement(ControllerType? Type, int? Number, int? Location);

    /// <summary>
    /// Hyper-V's choice: without -ControllerType, IDE first (generation 1) then SCSI; without a number, the
    /// first controller with the location free; without a location, the first free one. Refused: a controller
    /// the VM does not have, a location out of range, a taken location, or no free location at all.
    /// </summary>
    public static (ControllerType Type, int Number, int Location) Place(VmRecord vm, IReadOnlyList<DriveRecord> drives, Placement asked, string device, Guid? moving = null)
    {
        if (asked.Type is { } type)
        {
            CheckController(vm, type, asked.Number, asked.Location, device);
        }

        var types = asked.Type is { } only ? [only] : vm.Generation == 1 ? new[] { ControllerType.IDE, ControllerType.SCSI } : [ControllerType.SCSI];
        foreach (var candidate in types)
        {
            if (asked.Type is null && !FitsController(candidate, asked.Number, asked.Location))
            {
                continue;
            }

            foreach (var number in asked.Number is { } n ? [n] : Enumerable.Range(0, Controllers(candidate)))
            {
                foreach (var location in asked.Location is { } l ? [l] : Enumerable.Range(0, Locations(candidate)))
                {
                    var occupant = drives.FirstOrDefault(d => d.Id != moving && d.ControllerType == candidate && d.ControllerNumber == number && d.ControllerLocation == location);
                    if (occupant is null)
                    {
                        return (candidate, number, location);
                    }

                    if (asked.Type is not null && asked.Number is not null && asked.Location is not null)
                    {
                        throw new HostException(
                            $"Failed to add device '{device}'. '{vm.Name}' already has a {Describe(occupant.Kind)} on {candidate} controller {number} at location {location}. " +
                            "Choose another -ControllerLocation (or leave it out for the first free one), or remove that drive first.",
                            ErrorCategory.ResourceExists, "LocationInUse", vm.Name);
                    }
                }
            }
        }

        throw new HostException(
            $"Failed to add device '{device}'. '{vm.Name}' has no free location{Where(asked)}. Remove a drive, or choose another controller.",
            ErrorCategory.LimitsExceeded, "NoFreeLocation", vm.Name);
    }

    /// <summary>The controller exists on this VM and the numbers are in its range.</summary>
    public static void CheckController(VmRecord vm, ControllerType type, int? number, int? location, string device)
    {
        if (!Enum.IsDefined(type))
        {
            throw HostErrors.InvalidArgument($"-ControllerType {type} is not one of IDE or SCSI.", vm.Name);
        }

        if (type == ControllerType.IDE && vm.Generation == 2)
        {
            throw new HostException(
                $"Failed to add device '{device}'. '{vm.Name}' is a generation 2 virtual machine, which has no IDE controller: its drives hang on SCSI. Use -ControllerType SCSI.",
                ErrorCategory.ObjectNotFound, "ControllerNotFound", vm.Name);
        }

        if (number is { } n && (n < 0 || n >= Controllers(type)))
        {
            throw new HostException(
                type == ControllerType.IDE
                    ? $"Failed to add device '{device}'. There is no IDE controller {n} on '{vm.Name}': a generation 1 virtual machine has IDE controllers 0 and 1."
                    : $"Failed to add device '{device}'. There is no SCSI controller {n} on '{vm.Name}': HyperNest gives every virtual machine one SCSI controller, number 0 (Add-VMScsiController is not available).",
                ErrorCategory.ObjectNotFound, "ControllerNotFound", vm.Name);
        }

        if (location is { } l && (l < 0 || l >= Locations(type)))
        {
            throw HostErrors.InvalidArgument(
                $"Failed to add device '{device}'. Location {l} does not exist on an {type} controller: it has locations 0 to {Locations(type) - 1}.", vm.Name);
        }
    }

    public static int Controllers(ControllerType type) => type == ControllerType.IDE ? IdeControllers : ScsiControllers;

    public static int Locations(ControllerType type) => type == ControllerType.IDE ? IdeLocations : ScsiLocations;

    public static string Describe(DriveKind kind) => kind == DriveKind.Dvd ? "DVD drive" : "hard drive";

    private static bool FitsController(ControllerType type, int? number, int? location) =>
        (number is not { } n || n < Controllers(type)) && (location is not { } l || l < Locations(type));

    private static string Where(Placement asked) =>
        (asked.Type, asked.Number, asked.Location) switch
        {
            (null, null, null) => "",
            _ => $" on {asked.Type?.ToString() ?? "any"} controller {asked.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(any)"}" +
                 (asked.Location is { } l ? $" at location {l}" : ""),
        };
}
