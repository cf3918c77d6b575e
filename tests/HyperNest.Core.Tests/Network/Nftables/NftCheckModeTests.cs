using System.Diagnostics;
using HyperNest.Network.Nftables;

namespace HyperNest.Core.Tests.Network.Nftables;

/// <summary>
/// Hands the rendered text to the real nft parser in check mode (-c): it resolves and validates the
/// whole batch against the kernel without committing it, so nothing on the machine changes. Needs root
/// and nftables, which ./test.sh requires and installs.
/// </summary>
public sealed class NftCheckModeTests
{
    internal const string NftPath = "/usr/sbin/nft";

    public static TheoryData<string> Rulesets() => new()
    {
        PortGuardRuleset.Render(PortGuardRulesetTests.Table, []),
        PortGuardRuleset.Render(
            PortGuardRulesetTests.Table,
        [
            PortGuardRulesetTests.Port("hn-tap0", "02:15:5d:00:00:01"),
            PortGuardRulesetTests.Port("tap.1", "02:15:5d:00:00:02", spoofing: true, dhcpGuard: true, routerGuard: false),
            PortGuardRulesetTests.Port("a23456789012345", "02:15:5d:00:00:03", dhcpGuard: false, routerGuard: true),
        ]),
        NatRuleset.Render(NatRulesetTests.Table, []),
        NatRuleset.Render(NatRulesetTests.Table, [NatRulesetTests.Nat("Lab A", "192.168.100.0/24"), NatRulesetTests.Nat("lab-b", "10.0.0.0/8")]),
    };

    [Theory]
    [MemberData(nameof(Rulesets))]
    public void NftCheck_RenderedRuleset_IsAccepted(string ruleset)
    {
        var (exitCode, stderr) = RunNftCheck(ruleset);

        Assert.True(exitCode == 0, $"nft -c rejected the ruleset (exit {exitCode}): {stderr}\n{ruleset}");
    }

    [Fact]
    public void NftCheck_BrokenRuleset_IsRejected()
    {
        // Proves the check above can fail: the same table with a misspelt hook must be refused.
        var broken = PortGuardRuleset.Render(PortGuardRulesetTests.Table, []).Replace("hook prerouting", "hook prerouted", StringComparison.Ordinal);

        Assert.NotEqual(0, RunNftCheck(broken).ExitCode);
    }

    private static (int ExitCode, string Stderr) RunNftCheck(string ruleset)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hypernest-nft-{Guid.NewGuid():N}.nft");
        File.WriteAllText(file, ruleset);
        try
        {
            var start = new ProcessStartInfo(NftPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(file);
            using var nft = Process.Start(start)!;
            var stderr = nft.StandardError.ReadToEndAsync();
            _ = nft.StandardOutput.ReadToEnd();
            nft.WaitForExit();
            return (nft.ExitCode, stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
