using HyperNest.Hosting;
using HyperNest.Platform;
using HyperNest.State;

namespace HyperNest.Core.Tests.Hosting;

/// <summary>
/// Plays a kill -9 of the HyperNest process at the n-th change the fakes are asked to make (a kernel
/// change, a disk made, a worker started or its runtime files going): the change throws <see cref="Killed"/>.
/// </summary>
internal sealed class KillPoint(int at)
{
    private int _steps;

    public string? KilledAt { get; private set; }

    public void Step(string change)
    {
        if (++_steps == at)
        {
            KilledAt = change;
            throw new Killed(change);
        }
    }

    internal sealed class Killed(string change) : Exception($"killed before or after {change}");
}

/// <summary>
/// Runs a change on a host whose process is gone, killed at one step. The next process's recovery runs
/// inside an exception filter: filters run before any finally block or Dispose between the kill and the
/// catch, so recovery sees the store, files and fake kernel exactly as a kill -9 would leave them (the
/// locks the killed change holds are this thread's, which HostLock lets it pass, as a dead process's
/// locks would be free). Only a catch-all inside the change itself runs first.
/// </summary>
internal static class KilledChange
{
    /// <summary>No live process has this pid.</summary>
    private static readonly ProcessIdentity Gone = new(int.MaxValue, 1);

    /// <summary>
    /// Kills <paramref name="change"/> at each of its steps in turn, each time on a fresh fixture made by
    /// <paramref name="setup"/>, and has <paramref name="check"/> judge the world right after recovery. Returns how
    /// many kill points there were.
    /// </summary>
    public static int AtEveryStep(Action<HostFixture> setup, Action<VirtualizationHost> change, Action<HostFixture, string> check)
    {
        for (var at = 1; at < 100; at++)
        {
            using var fixture = new HostFixture();
            setup(fixture);
            var kill = new KillPoint(at);
            Exception? failure = null;
            using var crashing = fixture.CreateHost(Gone);
            Hook(fixture, kill.Step);
            try
            {
                change(crashing);
            }
            catch (KillPoint.Killed) when (RecoverAndCheck(fixture, kill, check, out failure))
            {
            }
            finally
            {
                Hook(fixture, null);
            }

            if (kill.KilledAt is null)
            {
                Assert.True(at > 1, "the change made no step a kill could stop");
                return at - 1;
            }

            if (failure is not null)
            {
                throw new Xunit.Sdk.XunitException($"Killed at step {at} ({kill.KilledAt}): {failure.Message}\n{failure.StackTrace}");
            }
        }

        throw new InvalidOperationException("More than 99 kill points: the change does not end.");
    }

    private static bool RecoverAndCheck(HostFixture fixture, KillPoint kill, Action<HostFixture, string> check, out Exception? failure)
    {
        failure = null;
        Hook(fixture, null);
        try
        {
            using var next = fixture.CreateHost();
            var recovered = next.RecoverInterruptedOperations();
            Assert.Empty(next.RecoverInterruptedOperations());
            Assert.Empty(fixture.Journal());
            check(fixture, string.Join("\n", recovered));
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        return true;
    }

    private static void Hook(HostFixture fixture, Action<string>? step)
    {
        fixture.Network.Changing = step;
        fixture.Disks.Changing = step;
        fixture.Backend.Changing = step;
    }
}
