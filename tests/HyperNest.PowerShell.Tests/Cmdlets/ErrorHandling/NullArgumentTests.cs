using System.Management.Automation;
using System.Reflection;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.ErrorHandling;

/// <summary>
/// $null or '' for any parameter is refused by PowerShell's binder with its own validation error (as
/// Hyper-V's [ValidateNotNullOrEmpty] parameters are), before the cmdlet runs: never an exception from
/// inside the cmdlet. Only [AllowNull] and [AllowEmptyString] parameters (e.g. -Notes '') take them.
/// </summary>
public sealed class NullArgumentTests(NullArgumentTests.Session fixture) : IClassFixture<NullArgumentTests.Session>
{
    /// <summary>Every reference-typed or nullable parameter of every cmdlet, as (cmdlet, parameter).</summary>
    public static TheoryData<string, string> NullableParameters => Data(p => CanBeNull(p.PropertyType) && p.GetCustomAttribute<AllowNullAttribute>() is null);

    /// <summary>Every string-typed parameter of every cmdlet, as (cmdlet, parameter).</summary>
    public static TheoryData<string, string> StringParameters =>
        Data(p => (p.PropertyType == typeof(string) || p.PropertyType == typeof(string[])) && p.GetCustomAttribute<AllowEmptyStringAttribute>() is null);

    [Theory]
    [MemberData(nameof(NullableParameters))]
    public void Bind_NullArgument_PowerShellsValidationError(string cmdlet, string parameter)
    {
        AssertValidationError(cmdlet, parameter, "$null");
    }

    [Theory]
    [MemberData(nameof(StringParameters))]
    public void Bind_EmptyString_PowerShellsValidationError(string cmdlet, string parameter)
    {
        AssertValidationError(cmdlet, parameter, "''");
    }

    [Theory]
    [InlineData("Get-VM -Name $null", "Name")]
    [InlineData("Get-VM -Name ''", "Name")]
    [InlineData("New-VMSwitch -Name '' -SwitchType Internal", "Name")]
    [InlineData("Start-VM -Name $null", "Name")]
    [InlineData("Get-VMSwitch -Name ''", "Name")]
    [InlineData("Invoke-Command -VMName $null -ScriptBlock { hostname }", "VMName")]
    [InlineData("Get-VMNetworkAdapter -VMName L1 -Name ''", "Name")]
    public void Bind_AsScriptsWriteIt_ErrorNamesTheParameter(string line, string parameter)
    {
        fixture.Host.Calls.Clear();

        var error = fixture.Value.Fails(line);

        Assert.StartsWith("ParameterArgumentValidationError", error.ErrorId(), StringComparison.Ordinal);
        Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
        Assert.Contains($"parameter '{parameter}'", error.Message(), StringComparison.Ordinal);
        Assert.Empty(fixture.Host.Calls);
    }

    private void AssertValidationError(string cmdlet, string parameter, string argument)
    {
        fixture.Host.Calls.Clear();

        var error = fixture.Value.Fails($"{cmdlet} -{parameter} {argument}");

        Assert.StartsWith("ParameterArgumentValidationError", error.ErrorId(), StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains($"'{parameter}'", error.Message(), StringComparison.Ordinal);
        Assert.Empty(fixture.Host.Calls);
    }

    private static TheoryData<string, string> Data(Func<PropertyInfo, bool> selected)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, type, _) in ModuleCmdlets.All)
        {
            foreach (var parameter in ModuleCmdlets.Parameters(type).Where(selected))
            {
                data.Add(name, parameter.Name);
            }
        }

        return data;
    }

    private static bool CanBeNull(Type type) =>
        type != typeof(SwitchParameter) && (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null);

    /// <summary>One runspace for the class, over a host that answers nothing (binding errors never reach it).</summary>
    public sealed class Session : IDisposable
    {
        public Session()
        {
            (var host, Host) = HostStub.Create();
            Value = new PowerShellSession(host);
        }

        public HostStub Host { get; }

        public PowerShellSession Value { get; }

        public void Dispose() => Value.Dispose();
    }
}
