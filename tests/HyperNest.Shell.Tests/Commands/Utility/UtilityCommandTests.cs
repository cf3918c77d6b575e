using HyperNest.Shell.Engine;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Commands.Utility;

public class UtilityCommandTests
{
    private readonly ShellHarness _shell = new();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void GetVmLike_LastInStatement_PrintsDefaultTable()
    {
        _shell.Execute("Get-TestVMs L1");

        Assert.Contains("\nName State CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version\n", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatTable_Property_OnlyThoseColumns()
    {
        _shell.Execute("Get-TestVMs L1,L22 | Format-Table Name,State -AutoSize");

        Assert.Equal(Lines("", "Name State", "---- -----", "L1   Off", "L22  Off", ""), _shell.Output);
    }

    [Fact]
    public void FormatList_Property_ListOfThose()
    {
        _shell.Execute("Get-TestVMs L1 | Format-List -Property Name,Generation");

        Assert.Equal(Lines("", "Name       : L1", "Generation : 0", ""), _shell.Output);
    }

    [Fact]
    public void FormatList_Star_AllProperties()
    {
        _shell.Execute("Get-TestVMs L1 | fl *");

        Assert.Contains($"\n{"Heartbeat",-22} : NoContact\n", _shell.Output, StringComparison.Ordinal);
        Assert.Contains($"\n{"CreationTime",-22} : ", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertToJson_Default_IndentedWithEnumAsNumber()
    {
        var json = _shell.Single<string>("Get-TestVMs L1 | Select-Object Name,State,MemoryAssigned | ConvertTo-Json");

        Assert.Equal("{\n  \"Name\": \"L1\",\n  \"State\": 0,\n  \"MemoryAssigned\": 0\n}", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ConvertToJson_CompressEnumsAsStrings_OneLine()
    {
        var json = _shell.Single<string>("Get-TestVMs L1,L2 | Select-Object Name,State | ConvertTo-Json -Compress -EnumsAsStrings");

        Assert.Equal("[{\"Name\":\"L1\",\"State\":\"Off\"},{\"Name\":\"L2\",\"State\":\"Off\"}]", json);
    }

    [Fact]
    public void ConvertToJson_BeyondDepth_WritesStringAndWarns()
    {
        var json = _shell.Single<string>("Get-TestVMs L1 | ConvertTo-Json -Depth 0 -Compress");

        Assert.Contains("\"Uptime\":\"00:00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("WARNING: Resulting JSON is truncated", _shell.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectObject_ExpandProperty_GivesValues()
    {
        var result = _shell.Invoke("Get-TestVMs a,b,c | Select-Object -ExpandProperty Name");

        Assert.Equal(["a", "b", "c"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void SelectObject_FirstAndLast_TakeThatMany()
    {
        Assert.Equal(["a", "b"], _shell.Invoke("'a','b','c' | Select-Object -First 2").Output.Cast<string>().ToArray());
        Assert.Equal(["c"], _shell.Invoke("'a','b','c' | Select-Object -Last 1").Output.Cast<string>().ToArray());
    }

    [Fact]
    public void SelectObject_Property_MakesCustomObject()
    {
        var selected = _shell.Single<PSCustomObject>("Get-TestVMs L1 | Select-Object -Property N*,Version");

        Assert.Equal(["Name", "NestedHypervisorActive", "Version"], selected.Properties.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void WhereObject_ScriptBlockComparison_Filters()
    {
        var result = _shell.Invoke("Get-TestVMs a,b,c | Where-Object { $_.Name -ne 'b' -and $_.State -eq 'Off' } | Select-Object -ExpandProperty Name");

        Assert.Equal(["a", "c"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void WhereObject_UnsupportedScript_ClearError()
    {
        var error = _shell.FirstError("'a' | Where-Object { Get-Date }");

        Assert.Equal("UnsupportedFilterScript", error.ErrorId);
    }

    [Fact]
    public void GetHelp_Cmdlet_SyntaxPerParameterSet()
    {
        _shell.Execute("Get-Help Get-TestThing");

        Assert.Contains("    Get-TestThing [[-Name] <string[]>] [-Detailed] [<CommonParameters>]\n", _shell.Output, StringComparison.Ordinal);
        Assert.Contains("    Get-TestThing -Id <Guid> [-Detailed] [<CommonParameters>]\n", _shell.Output, StringComparison.Ordinal);
        Assert.Contains("    Get-TestThing -VM <VirtualMachine> [-Detailed] [<CommonParameters>]\n", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHelp_MandatoryPositional_NotBracketedAsWhole()
    {
        _shell.Execute("Get-Help set-testvm");

        Assert.Contains("Set-TestVM [-Name] <string> [[-Count] <int>]", _shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCommand_Pattern_ListsMatchingCmdlets()
    {
        var result = _shell.Invoke("Get-Command *-TestThing");

        Assert.Equal("Get-TestThing", Assert.IsType<HyperNest.Shell.Commands.Utility.CommandInfo>(Assert.Single(result.Output)).Name);
    }

    [Fact]
    public void WriteOutput_Array_EnumeratesElements()
    {
        Assert.Equal([1, 2, 3], _shell.Invoke("Write-Output 1,2,3").Output.Cast<int>().ToArray());
    }

    [Fact]
    public void WriteHost_Text_PrintsDirectly()
    {
        _shell.Execute("Write-Host 'hello world'");

        Assert.Equal("hello world\n", _shell.Output);
    }

    [Fact]
    public void WhereObject_SimplifiedSyntax_Filters()
    {
        var result = _shell.Invoke("Get-TestVMs a,bb | Where-Object Name -like 'b*' | Select-Object -ExpandProperty Name");

        Assert.Equal(["bb"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void WhereObject_SimplifiedEnumEquality_ComparesByName()
    {
        var result = _shell.Invoke("Get-TestVMs a | Where-Object State -eq off");

        Assert.Single(result.Output);
    }

    [Fact]
    public void OutNull_Input_Discarded()
    {
        _shell.Execute("Get-TestVMs a | Out-Null");

        Assert.Equal("", _shell.Output);
    }

    [Fact]
    public void OutString_Stream_GivesTableLines()
    {
        var result = _shell.Invoke("Get-TestVMs a | Format-Table Name | Out-String -Stream");

        Assert.Equal(["", "Name", "----", "a"], result.Output.Cast<string>().ToArray());
    }

    [Fact]
    public void StartSleep_Milliseconds_Waits()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.True(_shell.Execute("Start-Sleep -Milliseconds 50").Succeeded, _shell.Errors);
        Assert.True(watch.ElapsedMilliseconds >= 45);
    }

    [Fact]
    public void FormatTable_Strings_PrintAsThemselves()
    {
        _shell.Execute("'a','b' | Format-Table");

        Assert.Equal("a\nb\n", _shell.Output);
    }

    [Fact]
    public void WhereObject_PSItem_SameAsUnderscore()
    {
        Assert.Single(_shell.Invoke("Get-TestVMs a,b | Where-Object { $PSItem.Name -eq 'a' }").Output);
    }

    [Fact]
    public void WhereObject_PropertyWithoutOperator_KeepsTruthyValues()
    {
        Assert.Empty(_shell.Invoke("Get-TestVMs a | Where-Object State").Output);
        Assert.Single(_shell.Invoke("Get-TestVMs a | Where-Object Name").Output);
    }

    [Fact]
    public void ConvertToJson_SeveralObjects_EachCountsAsTopLevelForDepth()
    {
        var json = _shell.Single<string>("Get-TestVMs a,b | ConvertTo-Json -Depth 1 -Compress");

        Assert.Contains("\"Uptime\":{\"Ticks\":0,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SortObject_Property_SortsAndDescends()
    {
        Assert.Equal(["a", "b", "c"], _shell.Invoke("Get-TestVMs c,a,b | Sort-Object Name | % Name").Output.Cast<string>().ToArray());
        Assert.Equal(["c", "b", "a"], _shell.Invoke("Get-TestVMs c,a,b | Sort-Object -Property Name -Descending | % Name").Output.Cast<string>().ToArray());
    }

    [Fact]
    public void SortObject_NumbersUnique_NumericOrderWithoutDuplicates()
    {
        Assert.Equal([2, 10, 33], _shell.Invoke("10,2,33,2 | Sort-Object -Unique").Output.Cast<int>().ToArray());
    }

    [Fact]
    public void Count_OnCollectionAndSingleObject_IsSize()
    {
        var result = _shell.Invoke("(Get-TestVMs a,b,c).Count; $one = Get-TestVMs a; $one.Count; $none.Count");

        Assert.Equal([3, 1, 0], result.Output.Cast<int>().ToArray());
    }

    [Fact]
    public void MeasureObject_SumOfProperty_CountsAndSums()
    {
        var info = _shell.Single<HyperNest.Shell.Commands.Utility.MeasureInfo>("Get-TestVMs a,b | ForEach-Object { 3 } | Measure-Object -Sum -Maximum");

        Assert.Equal((2, 6.0, 3.0), (info.Count, info.Sum!.Value, info.Maximum!.Value));
        Assert.Null(info.Average);
    }

    [Fact]
    public void MeasureObject_NonNumericSum_Error()
    {
        Assert.Equal("NonNumericInputObject", _shell.FirstError("'x' | Measure-Object -Sum").ErrorId);
    }

    [Fact]
    public void GetMember_Objects_ListsPropertiesOncePerType()
    {
        var members = _shell.Invoke("Get-TestVMs a,b | Get-Member").Output.Cast<HyperNest.Shell.Commands.Utility.MemberDefinition>().ToList();

        Assert.Single(members, m => m.Name == "Name");
        Assert.Contains(members, m => m.Definition == "VmState State {get;}");
    }

    [Fact]
    public void WriteError_Message_FailsStatementWithThatMessage()
    {
        var result = _shell.Invoke("'a' | Write-Error");

        Assert.False(result.Succeeded);
        Assert.Equal("a", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void GetHelp_EnumAndValidateSet_ShowChoices()
    {
        _shell.Execute("Get-Help New-TestSwitch; Get-Help Set-TestVM");

        Assert.Contains("[-SwitchType {Internal | Private | External}]", _shell.Output, StringComparison.Ordinal);
        Assert.Contains("[-MacAddressSpoofing {On | Off}]", _shell.Output, StringComparison.Ordinal);
    }
}
