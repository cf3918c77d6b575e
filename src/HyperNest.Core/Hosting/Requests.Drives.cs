using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Add-VMHardDiskDrive's and Add-VMDvdDrive's inputs; a null place is Hyper-V's "first available".</summary>
public sealed record AddDriveRequest
{
    public ControllerType? ControllerType { get; init; }

    public int? ControllerNumber { get; init; }

    public int? ControllerLocation { get; init; }

    /// <summary>The disk file (required for a hard drive) or ISO file (none: an empty DVD drive).</summary>
    public string? Path { get; init; }
}

/// <summary>Set-VMHardDiskDrive's and Set-VMDvdDrive's inputs; null means "leave as is".</summary>
public sealed record SetDriveRequest
{
    public string? Path { get; init; }

    /// <summary>DVD drives only: take the ISO out (Set-VMDvdDrive -Path $null).</summary>
    public bool RemoveMedia { get; init; }

    public ControllerType? ToControllerType { get; init; }

    public int? ToControllerNumber { get; init; }

    public int? ToControllerLocation { get; init; }
}

/// <summary>Set-VMFirmware's inputs; null means "leave as is".</summary>
public sealed record SetFirmwareRequest
{
    /// <summary>Drive ids and network adapter ids, first to boot first; devices left out boot after them.</summary>
    public IReadOnlyList<Guid>? BootOrder { get; init; }

    public Guid? FirstBootDevice { get; init; }

    public OnOffState? EnableSecureBoot { get; init; }

    public string? SecureBootTemplate { get; init; }

    public IPProtocolPreference? PreferredNetworkBootProtocol { get; init; }
}
