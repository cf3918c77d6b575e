namespace HyperNest.Core.Tests.Network.Nftables;

/// <summary>xunit 2 has no runtime skip, so the attribute decides: nft -c needs the binary and CAP_NET_ADMIN.</summary>
internal static class NftCheckAvailability
{
    public static string? SkipReason =>
        File.Exists(NftCheckModeTests.NftPath) && Environment.UserName == "root"
            ? null
            : $"nft check mode needs {NftCheckModeTests.NftPath} and root (CAP_NET_ADMIN).";
}

public sealed class NftCheckFactAttribute : FactAttribute
{
    public NftCheckFactAttribute() => Skip = NftCheckAvailability.SkipReason;
}

public sealed class NftCheckTheoryAttribute : TheoryAttribute
{
    public NftCheckTheoryAttribute() => Skip = NftCheckAvailability.SkipReason;
}
