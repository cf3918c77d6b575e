namespace HyperNest.Model;

/// <summary>One nested-virtualization prerequisite of the host, checked like virt-host-validate does: PASS, WARN or FAIL, and why.</summary>
public sealed record NestedPrerequisite(string Check, string Result, string Detail)
{
    public const string Pass = "PASS";
    public const string Warn = "WARN";
    public const string Fail = "FAIL";

    public override string ToString() => $"{Check}: {Result} ({Detail})";
}
