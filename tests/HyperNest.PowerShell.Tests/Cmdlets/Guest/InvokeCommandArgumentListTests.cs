using System.Management.Automation;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Guest;

/// <summary>
/// Invoke-Command -VMName … -ArgumentList: the script still travels as text, so the arguments are written
/// into it as literals and the guest's PowerShell binds them to the block's param().
/// </summary>
public sealed class InvokeCommandArgumentListTests : GuestSession
{
    private string SentScript => (string)Assert.Single(Host.Changes).Arguments[1]!;

    [Fact]
    public void ArgumentList_Literals_TheGuestScriptBindsThemToParam()
    {
        Session.Succeeds("Invoke-Command -VMName L1 -ScriptBlock { param($name, $count, $on) \"$name $count $on\" } -ArgumentList \"it's\", 5, $true");

        // The text the guest runs must give the same result when PowerShell runs it here.
        using var local = System.Management.Automation.PowerShell.Create();
        var result = local.AddScript(SentScript).Invoke();
        Assert.Equal("it's 5 True", Assert.Single(result).BaseObject);
    }

    [Fact]
    public void ArgumentList_ArrayAndNull_RoundTrip()
    {
        Session.Succeeds("Invoke-Command -VMName L1 -ScriptBlock { param($list, $none) \"$($list.Count) $($null -eq $none)\" } -ArgumentList @(1, 'b'), $null");

        using var local = System.Management.Automation.PowerShell.Create();
        Assert.Equal("2 True", Assert.Single(local.AddScript(SentScript).Invoke()).BaseObject);
    }

    [Fact]
    public void ArgumentList_AnObject_RefusedWithWhatToDoAndNothingRuns()
    {
        var error = Session.Fails("Invoke-Command -VMName L1 -ScriptBlock { param($x) $x } -ArgumentList (Get-Date)");

        Assert.Equal("ArgumentNotSupported", error.ErrorId());
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("cannot be sent to the guest", error.Message(), StringComparison.Ordinal);
        Assert.Empty(Host.Changes);
    }
}
