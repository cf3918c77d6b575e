using System.Collections.Concurrent;
using HyperNest.Model;
using HyperNest.Platform;

namespace HyperNest.Hosting;

/// <summary>
/// The VMs a call of this process is changing right now, with the state Hyper-V shows meanwhile: Starting
/// during Start-VM, Saving during Stop-VM -Save, Stopping during Stop-VM, Pausing and Resuming. Every other
/// call's Get-VM shows that state instead of the record's (which says what the VM was until the change is
/// done), and does not judge the VM's worker meanwhile (a worker Stop-VM just killed is not a crash); the
/// changing call itself answers with the outcome. In hypernestd every call runs in the one process, so every
/// client sees it; a host in another process (a guest's PowerShell Direct session) does not.
/// </summary>
internal static class VmTransitions
{
    private static readonly ConcurrentDictionary<Guid, Transition> InFlight = new();

    private sealed record Transition(VmState State, object Changer, ProcessIdentity Process);

    /// <summary>
    /// Marks the VM as in <paramref name="state"/> until the returned scope ends. <paramref name="changer"/> (the host
    /// making the change) keeps seeing the record; <paramref name="process"/> is the host's process: a transition
    /// whose process is gone is over, as it would be with a process killed mid-change.
    /// </summary>
    public static IDisposable Begin(Guid vmId, VmState state, object changer, ProcessIdentity process)
    {
        var transition = new Transition(state, changer, process);
        InFlight[vmId] = transition;
        return new Scope(vmId, transition);
    }

    /// <summary>The state another call is moving the VM through, or null when none is (or <paramref name="viewer"/> is the one moving it).</summary>
    public static VmState? SeenBy(Guid vmId, object viewer) =>
        InFlight.TryGetValue(vmId, out var transition) && !ReferenceEquals(transition.Changer, viewer)
        && (transition.Process == ProcessIdentity.Current || transition.Process.IsRunning())
            ? transition.State
            : null;

    private sealed class Scope(Guid vmId, Transition transition) : IDisposable
    {
        public void Dispose() => InFlight.TryRemove(new KeyValuePair<Guid, Transition>(vmId, transition));
    }
}
