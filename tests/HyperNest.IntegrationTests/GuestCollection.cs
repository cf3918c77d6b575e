namespace HyperNest.IntegrationTests;

/// <summary>
/// Every test that boots a guest runs in this one serial collection: two TCG guests on a 2-core machine
/// starve each other into timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GuestCollection
{
    public const string Name = "Guests";
}
