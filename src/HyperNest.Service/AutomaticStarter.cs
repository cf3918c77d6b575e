using System.Diagnostics;
using HyperNest.Hosting;
using HyperNest.Service.Logging;

namespace HyperNest.Service;

/// <summary>
/// Starts the VMs of the host's automatic start plan (IWorkerSupervision.PlanAutomaticStarts), each when
/// its delay has passed since the service started, in the background: the API serves meanwhile, and a VM
/// that fails to start is logged and the rest go on, as Hyper-V's VMMS does.
/// </summary>
internal static class AutomaticStarter
{
    public static Task RunAsync(IReadOnlyList<AutomaticStart> plan, Func<IVirtualizationHost> createHost, ServiceLog log, CancellationToken stopping)
    {
        if (plan.Count == 0)
        {
            return Task.CompletedTask;
        }

        return Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            using var host = createHost();
            foreach (var start in plan)
            {
                if (start.Delay > clock.Elapsed)
                {
                    await Task.Delay(start.Delay - clock.Elapsed, stopping).ConfigureAwait(false);
                }

                try
                {
                    var vm = host.StartVm(start.Name);
                    log.Info("automatic start", $"automatic start: '{start.Name}' is {vm.State}", ServiceLog.Field(LogFields.VmName, start.Name));
                }
                catch (HostException ex)
                {
                    log.Error("automatic start", $"automatic start: '{start.Name}' did not start: {ex.Message}", ServiceLog.Field(LogFields.VmName, start.Name), ServiceLog.Field(LogFields.ErrorId, ex.ErrorId));
                }
            }
        }, stopping);
    }
}
