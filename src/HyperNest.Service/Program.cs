using System.Runtime.InteropServices;
using HyperNest.Api;
using HyperNest.Hosting;
using HyperNest.Network.Linux;
using HyperNest.Platform;
using HyperNest.Service;
using HyperNest.Service.Logging;

// hypernestd [--home PATH] [--cache PATH] [--resolv-conf PATH]: the service that owns one HyperNest home's
// VMs (HYPERNEST_HOME, HYPERNEST_CACHE and HYPERNEST_RESOLV_CONF where an option is not given). Started by
// systemd where it runs, else by the first client; it keeps running after that client.
var paths = HostPaths.FromEnvironment();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == ServiceLauncher.EtcSharedOption)
    {
        MachineNamespaces.Assume(true);
        continue;
    }

    if (i + 1 >= args.Length || args[i] is not ("--home" or "--cache" or "--resolv-conf"))
    {
        Console.Error.WriteLine($"hypernestd: '{args[i]}' is not an option here (or lacks its path). Usage: hypernestd [--home PATH] [--cache PATH] [--resolv-conf PATH] [{ServiceLauncher.EtcSharedOption}]");
        return 2;
    }

    var path = Path.GetFullPath(args[++i]);
    paths = args[i - 1] switch
    {
        "--home" => paths with { Home = path },
        "--cache" => paths with { Cache = path },
        _ => paths with { ResolverConfiguration = path },
    };
}

// Asked before detaching, while the ancestry of a service started by hand is intact (see MachineNamespaces).
_ = MachineNamespaces.SharesEtcWithAnotherNetworkNamespace();
ServiceSession.DetachFromTerminal();
using var log = ServiceLog.ForService(paths.Home);
var endpoint = new ServiceEndpoint(paths);
try
{
    endpoint.RequireUsableSocketPath();
}
catch (HostException ex)
{
    log.Error("service", $"hypernestd: {ex.Message}");
    return 2;
}

using var instance = ServiceInstance.TryClaim(endpoint);
if (instance is null)
{
    log.Info("service", $"hypernestd: another hypernestd serves '{paths.Home}' (it holds '{endpoint.InstanceLockPath}'); this one exits.");
    return 0;
}

using var stopping = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.Cancel(); });

// What a killed service left half done is finished or undone before any call is served (a call would
// see it half done: a Get-VM racing the adoption of a worker saw its VM Off) and before the supervisor's
// first look (it watches the workers recovery adopted). With nothing to recover this is one store read.
using var supervisionHost = CreateHost();
foreach (var recovered in ((IWorkerSupervision)supervisionHost).RecoverInterruptedOperations())
{
    log.Warning("recovery", $"recovery: {recovered}");
}

// Decided before any call can make the VMs' records look like a service restart's.
var automaticStarts = ((IWorkerSupervision)supervisionHost).PlanAutomaticStarts();

// Listening next: a client waits for the socket, the supervisor's first look can follow.
VmSupervisor? supervisor = null;
await using var server = ApiServer.Create(endpoint, () => CreateHost(answerFromLiveSamples: true), () => supervisor?.Nudge(), log);
await server.StartAsync(stopping.Token);
await using var supervising = supervisor = new VmSupervisor((IWorkerSupervision)supervisionHost, log);
supervisor.Start();
// Every 3 s each running VM's run state, NestedHypervisorActive and heartbeat, probed off the call path
// into the live samples Get-VM answers from (with no VM running a round is one store read).
using var samplingHost = CreateHost();
await using var sampler = new PeriodicWork("sampler", TimeSpan.FromSeconds(3), () => ((IWorkerSupervision)samplingHost).SampleRunningVms(), log);
sampler.Start();

// Every second Dynamic Memory's round, as Hyper-V's balancer runs in VMMS: a guest that starts to use
// memory gets more within about a second.
using var balancingHost = CreateHost();
balancingHost.Warning += (_, message) => log.Warning("memory balancer", message);
await using var balancer = new PeriodicWork("memory balancer", TimeSpan.FromSeconds(1), () => ((IWorkerSupervision)balancingHost).BalanceDynamicMemory(), log);
balancer.Start();
if (SystemdSocket.Passed() is null)
{
    OwnerOnly.ExistingFile(endpoint.SocketPath);
}

log.Info("service", $"hypernestd {Environment.ProcessId} serves '{paths.Home}' on '{endpoint.SocketPath}'");
var automaticStarting = AutomaticStarter.RunAsync(automaticStarts, () => CreateHost(), log, stopping.Token);

await HomeWatch.UntilStoppedOrGoneAsync(paths.Home, endpoint.InstanceLockPath, stopping.Token);
log.Info("service", $"hypernestd {Environment.ProcessId} stops");
try
{
    await automaticStarting;
}
catch (OperationCanceledException)
{
    // Stopped while a start's delay ran.
}

await server.StopAsync();
return 0;

// Every host of the service writes its VMs' events (each start's QEMU command line among them) to the log too.
IVirtualizationHost CreateHost(bool answerFromLiveSamples = false)
{
    var host = HostFactory.Create(paths, answerFromLiveSamples);
    ((IWorkerSupervision)host).EventRecorded += (_, vmEvent) => log.VmEvent(vmEvent);
    return host;
}
