using System.Collections.Concurrent;
using HyperNest.Hosting;

namespace HyperNest.Service;

/// <summary>
/// Host API instances for the calls in flight: one per call, reused after it. The host API is written for
/// one caller at a time (as each hypernest process had one); calls on different VMs run side by side and
/// the VM and network locks order calls on the same VM or network, as they ordered separate processes.
/// </summary>
internal sealed class HostPool : IDisposable
{
    private readonly Func<IVirtualizationHost> _create;
    private readonly ConcurrentBag<IVirtualizationHost> _idle = [];

    public HostPool(Func<IVirtualizationHost> create) => _create = create;

    public IVirtualizationHost Rent() => _idle.TryTake(out var host) ? host : _create();

    public void Return(IVirtualizationHost host) => _idle.Add(host);

    public void Dispose()
    {
        while (_idle.TryTake(out var host))
        {
            host.Dispose();
        }
    }
}
