using HyperNest.Model;
using HyperNest.Shell.Engine;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Engine;

public class ParameterBinderTests
{
    private readonly ShellHarness _shell = new();

    [Fact]
    public void Bind_NamedParameterAnyCase_SetsProperty()
    {
        var report = _shell.Single<BindingReport>("set-testvm -name L1 -COUNT 2");

        Assert.Equal("L1", report["Name"]);
        Assert.Equal(2, report["Count"]);
    }

    [Fact]
    public void Bind_Alias_SetsCanonicalProperty()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM -VMName L1");

        Assert.Equal("L1", report["Name"]);
    }

    [Fact]
    public void Bind_UniquePrefix_SetsParameter()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Mem 4GB -Expose $true");

        Assert.Equal(4L << 30, report["MemoryStartupBytes"]);
        Assert.Equal(true, report["ExposeVirtualizationExtensions"]);
    }

    [Fact]
    public void Bind_AmbiguousPrefix_ErrorListsCandidates()
    {
        var error = _shell.FirstError("Set-TestVM L1 -NewVHD x");

        Assert.Equal("AmbiguousParameter", error.ErrorId);
        Assert.Equal("Parameter cannot be processed because the parameter name 'NewVHD' is ambiguous. Possible matches include: -NewVHDPath -NewVHDSizeBytes.", error.Message);
    }

    [Fact]
    public void Bind_UnknownParameter_NamedParameterNotFound()
    {
        var error = _shell.FirstError("Set-TestVM L1 -Bogus 1");

        Assert.Equal("A parameter cannot be found that matches parameter name 'Bogus'.", error.Message);
        Assert.Equal("NamedParameterNotFound,HyperNest.Commands.SetTestVM", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Bind_Positional_FillsByPosition()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 4");

        Assert.Equal("L1", report["Name"]);
        Assert.Equal(4, report["Count"]);
    }

    [Fact]
    public void Bind_TooManyPositionals_PositionalParameterNotFound()
    {
        var error = _shell.FirstError("Set-TestVM L1 4 extra");

        Assert.Equal("PositionalParameterNotFound", error.ErrorId);
        Assert.Contains("'extra'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_Switch_IsPresent()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Force");

        Assert.Equal(new SwitchParameter(true), report["Force"]);
    }

    [Fact]
    public void Bind_SwitchWithColonFalse_IsNotPresent()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Force:$false");

        Assert.False(report.Values.ContainsKey("Force"));
    }

    [Fact]
    public void Bind_MissingMandatory_ErrorNamesParameter()
    {
        var error = _shell.FirstError("Set-TestVM -Count 1");

        Assert.Equal("MissingMandatoryParameter", error.ErrorId);
        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_MissingArgument_ErrorNamesType()
    {
        var error = _shell.FirstError("Set-TestVM L1 -Count");

        Assert.Equal("Missing an argument for parameter 'Count'. Specify a parameter of type 'int' and try again.", error.Message);
    }

    [Fact]
    public void Bind_EnumByNameAnyCase_Converts()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -MacAddressSpoofing on -State running");

        Assert.Equal(OnOffState.On, report["MacAddressSpoofing"]);
        Assert.Equal(VmState.Running, report["State"]);
    }

    [Fact]
    public void Bind_BadEnumName_ErrorListsNames()
    {
        var error = _shell.FirstError("Set-TestVM L1 -MacAddressSpoofing Maybe");

        Assert.Contains("On, Off", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Cannot bind parameter 'MacAddressSpoofing'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_BoolFromOnOffAndNumbers_Converts()
    {
        Assert.Equal(false, _shell.Single<BindingReport>("Set-TestVM L1 -ExposeVirtualizationExtensions Off")["ExposeVirtualizationExtensions"]);
        Assert.Equal(true, _shell.Single<BindingReport>("Set-TestVM L1 -ExposeVirtualizationExtensions 1")["ExposeVirtualizationExtensions"]);
    }

    [Fact]
    public void Bind_NumberToStringParameter_KeepsWrittenText()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Version 8.0");

        Assert.Equal("8.0", report["Version"]);
    }

    [Fact]
    public void Bind_CommaListToStringArray_GivesArray()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Tags a,b,3");

        Assert.Equal(new[] { "a", "b", "3" }, report["Tags"]);
    }

    [Fact]
    public void Bind_GuidTimeSpanDoubleScriptBlock_Convert()
    {
        var report = _shell.Single<BindingReport>("Set-TestVM L1 -Id 11111111-2222-3333-4444-555555555555 -Timeout 00:05:00 -Ratio 0.5 -Filter { $_ }");

        Assert.Equal(Guid.Parse("11111111-2222-3333-4444-555555555555"), report["Id"]);
        Assert.Equal(TimeSpan.FromMinutes(5), report["Timeout"]);
        Assert.Equal(0.5, report["Ratio"]);
        Assert.Equal(" $_ ", Assert.IsType<ScriptBlock>(report["Filter"]).Text);
    }

    [Fact]
    public void Bind_NotANumber_CannotConvertError()
    {
        var error = _shell.FirstError("Set-TestVM L1 -Count many");

        Assert.Equal("CannotConvertArgumentNoMessage", error.ErrorId);
    }

    [Fact]
    public void Bind_SameParameterTwice_Error()
    {
        var error = _shell.FirstError("Set-TestVM L1 -Count 1 -Count 2");

        Assert.Equal("ParameterAlreadyBound", error.ErrorId);
    }

    [Fact]
    public void Bind_NoParameters_DefaultParameterSet()
    {
        var report = _shell.Single<BindingReport>("Get-TestThing");

        Assert.Equal("ByName", report.ParameterSet);
    }

    [Fact]
    public void Bind_NamedParameterOfOtherSet_ChoosesThatSet()
    {
        var report = _shell.Single<BindingReport>("Get-TestThing -Id 11111111-2222-3333-4444-555555555555 -Detailed");

        Assert.Equal("ById", report.ParameterSet);
    }

    [Fact]
    public void Bind_ParametersFromTwoSets_SetNotResolved()
    {
        var error = _shell.FirstError("Get-TestThing -Name x -Id 11111111-2222-3333-4444-555555555555");

        Assert.Equal("AmbiguousParameterSet", error.ErrorId);
    }

    [Fact]
    public void Bind_PipelineByValue_BindsTypedParameterAndChoosesItsSet()
    {
        var report = _shell.Single<BindingReport>("Get-TestVMs L2 | Get-TestThing");

        Assert.Equal("ByVM", report.ParameterSet);
        Assert.Equal("L2", Assert.IsType<VirtualMachine>(report["VM"]).Name);
    }

    [Fact]
    public void Bind_PipelineByPropertyName_BindsNameFromObject()
    {
        var result = _shell.Invoke("Get-TestVMs L1,L2 | Set-TestVM -Count 3");

        Assert.True(result.Succeeded, _shell.Errors);
        var reports = result.Output.Cast<BindingReport>().ToList();
        Assert.Equal(["L1", "L2"], reports.Select(r => (string)r["Name"]!).ToArray());
        Assert.All(reports, r => Assert.Equal(3, r["Count"]));
    }

    [Fact]
    public void Bind_PipelineStringsByValue_OneRecordEach()
    {
        var result = _shell.Invoke("'a','b' | Test-Lookup");

        Assert.Equal(["found a", "found b"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void Bind_PipelineInputThatFitsNothing_InputObjectNotBound()
    {
        var error = _shell.FirstError("'x' | Set-TestVM");

        Assert.Equal("InputObjectNotBound", error.ErrorId);
    }

    [Fact]
    public void Bind_Runtime_RecordsBoundParameterNames()
    {
        var result = _shell.Invoke("Get-TestVMs L1 | Set-TestVM -Cou 2");

        Assert.True(result.Succeeded, _shell.Errors);
        Assert.Equal(["Count", "Name"], Assert.IsType<BindingReport>(Assert.Single(result.Output)).Bound);
    }

    [Fact]
    public void Bind_VmObjectFromPipeline_ChoosesObjectSetOverNameByProperty()
    {
        var report = _shell.Single<BindingReport>("Get-TestVMs L1 | Set-TestProcessor -ExposeVirtualizationExtensions $true");

        Assert.Equal("VMObject", report.ParameterSet);
        Assert.Equal("L1", Assert.Single(Assert.IsType<VirtualMachine[]>(report["VM"])).Name);
        Assert.Equal(["ExposeVirtualizationExtensions", "VM"], report.Bound);
    }

    [Fact]
    public void Bind_NameProperty_ReachesParameterThroughAlias()
    {
        var result = _shell.Invoke("Get-TestVMs L1,L2 | Get-TestProcessor");

        Assert.True(result.Succeeded, _shell.Errors);
        Assert.Equal(["L1", "L2"], result.Output.Cast<BindingReport>().Select(r => Assert.Single((string[])r["VMName"]!)).ToArray());
    }

    [Fact]
    public void Bind_PositionalName_UsesDefaultSet()
    {
        var report = _shell.Single<BindingReport>("Set-TestProcessor L1 -ExposeVirtualizationExtensions $false");

        Assert.Equal("VMName", report.ParameterSet);
        Assert.Equal(false, report["ExposeVirtualizationExtensions"]);
    }
}
