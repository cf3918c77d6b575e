using HyperNest.Model;
using HyperNest.State;

namespace HyperNest.Hosting;

/// <summary>
/// Integration services (Get-/Enable-/Disable-VMIntegrationService): which guest-agent services HyperNest
/// uses for a VM. As on Hyper-V they can be changed in any state, and a change applies to the next use.
/// </summary>
public sealed partial class VirtualizationHost
{
    public IReadOnlyList<VmIntegrationComponent> GetVmIntegrationServices(string vmName)
    {
        var vm = Load(vmName);
        var choices = IntegrationChoices(vm);
        // One ping for all services: they share the agent, so they are in contact or not together.
        bool? contact = vm.State == VmState.Running ? AgentAnswers(vm, TimeSpan.FromSeconds(1)) : null;
        return IntegrationServices.All.Select(service => ToComponent(vm, service, IntegrationServices.IsEnabled(choices, service.Name), contact)).ToList();
    }

    public VmIntegrationComponent SetVmIntegrationService(string vmName, string name, bool enabled)
    {
        using var _ = LockVm(vmName);
        var vm = Load(vmName);
        var service = IntegrationServices.Find(name) ?? throw IntegrationErrors.NotFound(vm.Name, name);
        _store.Transact(tx => tx.SetIntegrationServiceChoice(vm.Id, service.Name, enabled));
        bool? contact = vm.State == VmState.Running && enabled ? AgentAnswers(vm, TimeSpan.FromSeconds(1)) : null;
        return ToComponent(vm, service, enabled, contact);
    }

    private IReadOnlyDictionary<string, bool>? IntegrationChoices(VmRecord vm) =>
        _store.Transact(tx => tx.ListIntegrationServiceChoices()).GetValueOrDefault(vm.Id);

    private bool IsServiceEnabled(VmRecord vm, string name) => IntegrationServices.IsEnabled(IntegrationChoices(vm), name);

    /// <summary>
    /// Time Synchronization: a guest restored from a saved state (or resumed) wakes with the clock it had
    /// when it stopped, as a Hyper-V guest does until its time service corrects it. Best effort: a guest
    /// without an answering agent keeps its clock, and the user hears why.
    /// </summary>
    private void SynchronizeGuestTime(VmRecord vm)
    {
        if (!IsServiceEnabled(vm, IntegrationServices.TimeSynchronization))
        {
            return;
        }

        try
        {
            _backend.SetGuestTime(vm, _clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is HostException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            Warn($"The clock of '{vm.Name}' was not synchronized with the host after it woke: {ex.Message}");
        }
    }

    /// <summary>Hyper-V leaves the status of a disabled service, or of any service while the VM is not running, empty.</summary>
    private static VmIntegrationComponent ToComponent(VmRecord vm, IntegrationService service, bool enabled, bool? contact) => new()
    {
        VMName = vm.Name,
        VMId = vm.Id,
        Name = service.Name,
        Enabled = enabled,
        PrimaryStatusDescription = enabled && contact is { } answered ? (answered ? "OK" : "No Contact") : null,
        SecondaryStatusDescription = service.LinuxMeaning,
    };
}
