using HyperNest.Platform;

namespace HyperNest.State;

/// <summary>The changes the journal covers: each makes or removes things outside the store, in several steps.</summary>
public enum OperationKind
{
    NewVm,
    RemoveVm,
    StartVm,
    NewVmSwitch,
    RemoveVmSwitch,
    NewNetNat,
    RemoveNetNat,
}

/// <summary>
/// One change in progress, written before it acts and deleted when it ends (either way). A record whose
/// owner process is gone is a change that was killed half-way: the next HyperNest rolls it forward or back
/// from what the store says (VirtualizationHost.Recovery). <see cref="Subject"/> is the VM's or switch's id,
/// or the NAT's name; <see cref="Resources"/> the paths or link names the change makes or removes.
/// </summary>
public sealed record OperationRecord(
    Guid Id,
    OperationKind Kind,
    string Subject,
    IReadOnlyList<string> Resources,
    ProcessIdentity Owner,
    DateTimeOffset StartedAt);
