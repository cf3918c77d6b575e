namespace HyperNest.IntegrationTests.Network;

/// <summary>
/// Tests that change the kernel's network state (links, routes, nftables, sysctls) of the test
/// namespace run one at a time: they list links and default routes and must see only their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelNetworkCollection
{
    public const string Name = "Kernel network";
}
