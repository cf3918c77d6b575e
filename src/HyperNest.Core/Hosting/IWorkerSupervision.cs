namespace HyperNest.Hosting;

/// <summary>
/// What hypernestd's supervisor needs from the host API, beside it rather than in it (cmdlets never call
/// these): which workers to watch, how one ended, the record brought in line the moment it ends, the live
/// samples Get-VM answers from, and what a killed service left half done finished or undone when the next
/// one starts.
/// </summary>
public interface IWorkerSupervision
{
    /// <summary>A VM event was recorded (Get-VMEvent's log): the service writes it to its own log too.</summary>
    event EventHandler<Model.VmEvent>? EventRecorded;

    /// <inheritdoc cref="IVmBackend.SupervisableWorkers"/>
    IReadOnlyList<Guid> SupervisableWorkers();

    /// <inheritdoc cref="IVmBackend.WatchWorkerAsync"/>
    Task<WorkerExit> WatchWorkerAsync(Guid vmId, CancellationToken cancellationToken);

    /// <summary>
    /// The VM's worker ended as <paramref name="exit"/> says. Under the VM's lock (a Stop-VM or Save that
    /// ended it records its own outcome first, and this then changes nothing): a record still Running or
    /// Paused becomes Off with a Status that says how it ended, and its ports go. The VM as it is now, or
    /// null when it was removed.
    /// </summary>
    Model.VirtualMachine? ObserveWorkerExit(Guid vmId, WorkerExit exit);

    /// <summary>
    /// Probes every running VM once (run state, NestedHypervisorActive, heartbeat) into the samples Get-VM
    /// answers from (<see cref="LiveSamples"/>); how many were sampled.
    /// </summary>
    int SampleRunningVms();

    /// <summary>
    /// One round of Dynamic Memory: each running VM with it enabled gets its guest's demand plus its buffer,
    /// between its minimum and maximum (VMs a call is changing wait for the next round); how many were resized.
    /// </summary>
    int BalanceDynamicMemory();

    /// <summary>
    /// The VMs to start now that the host has started (Hyper-V's automatic start actions), in the order of
    /// their delays; empty when this kernel has had its plan (the service only restarted).
    /// </summary>
    IReadOnlyList<AutomaticStart> PlanAutomaticStarts();

    /// <inheritdoc cref="VirtualizationHost.RecoverInterruptedOperations"/>
    IReadOnlyList<string> RecoverInterruptedOperations();
}
