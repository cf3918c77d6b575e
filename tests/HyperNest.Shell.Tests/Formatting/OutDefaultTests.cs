using HyperNest.Model;
using HyperNest.Shell.Formatting;
using HyperNest.Shell.Tests.TestSupport;

namespace HyperNest.Shell.Tests.Formatting;

public class OutDefaultTests
{
    private sealed record Pair(string Key, int Count);

    private sealed record Wide(string A, string B, string C, string D, string E);

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Render_VirtualMachines_HyperVStyleTable()
    {
        var text = OutDefault.Render([TestObjects.Vm("L1", VmState.Running), TestObjects.Vm("L2")]);

        Assert.Equal(
            Lines(
                "",
                "Name State   CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version",
                "---- -----   ----------- ----------------- ------   ------             -------",
                "L1   Running          12              2048 00:01:23 Operating normally 12.0",
                "L2   Off               0                 0 00:00:00 Operating normally 12.0",
                ""),
            text);
    }

    [Fact]
    public void Render_UnknownTypeWithFewProperties_TableWithNumbersRightAligned()
    {
        var text = OutDefault.Render([new Pair("alpha", 5), new Pair("b", 12345)]);

        Assert.Equal(Lines("", "Key   Count", "---   -----", "alpha     5", "b     12345", ""), text);
    }

    [Fact]
    public void Render_UnknownTypeWithManyProperties_List()
    {
        var text = OutDefault.Render([new Wide("1", "2", "3", "4", "five")]);

        Assert.Equal(Lines("", "A : 1", "B : 2", "C : 3", "D : 4", "E : five", ""), text);
    }

    [Fact]
    public void Render_VmHost_ListByDefault()
    {
        var host = new VmHost
        {
            ComputerName = "box",
            ProcessorVendor = "AuthenticAMD",
            ProcessorModel = "EPYC",
            Accelerator = AcceleratorKind.TCG,
            AcceleratorReason = "no vmx/svm flag in /proc/cpuinfo",
            VirtualMachinePath = "/var/lib/hypernest",
            VirtualHardDiskPath = "/var/lib/hypernest/disks",
            QemuVersion = "7.2.0",
            SupportedVersions = ["9.3", "12.0"],
            DefaultVersion = "12.0",
            NestedVirtualizationMode = "software-emulated (TCG, AMD SVM)",
            NestedVirtualizationPrerequisites = [new("Software SVM emulation (QEMU TCG)", "PASS", "QEMU 7.2.0 emulates svm and npt"), new("KVM nested parameter", "FAIL", "missing")],
        };

        var text = OutDefault.Render([host]);

        Assert.Contains($"\n{"ComputerName",-33} : box\n", text, StringComparison.Ordinal);
        Assert.Contains($"\n{"SupportedVersions",-33} : {{9.3, 12.0}}\n", text, StringComparison.Ordinal);
        Assert.Contains($"\n{"Accelerator",-33} : TCG\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "\nNestedVirtualizationPrerequisites : [PASS] Software SVM emulation (QEMU TCG): QEMU 7.2.0 emulates svm and npt\n" +
            "                                    [FAIL] KVM nested parameter: missing\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StringsAndNumbers_PrintAsLines()
    {
        var writer = new StringWriter();
        var output = new OutDefault(writer);

        output.Write("hello");
        output.Write(42);
        output.Write(null);
        output.Flush();

        Assert.Equal("hello\n42\n", writer.ToString());
    }

    [Fact]
    public void FormatDuration_OverADay_HasDayPrefix()
    {
        Assert.Equal("1.02:03:04", ValueText.FormatDuration(new TimeSpan(1, 2, 3, 4, 900)));
        Assert.Equal("00:01:23", ValueText.FormatDuration(TimeSpan.FromSeconds(83.7)));
    }

    [Fact]
    public void Register_ViewForNewType_IsUsed()
    {
        ViewRegistry.Register(ViewBuilder.Table<Pair>().Column("Thing", p => p.Key.ToUpperInvariant()).Build());
        try
        {
            Assert.Equal(Lines("", "Thing", "-----", "ALPHA", ""), OutDefault.Render([new Pair("alpha", 1)]));
        }
        finally
        {
            ViewRegistry.Register(ViewRegistry.PropertyView(new Pair("x", 0), ViewKind.Table));
        }
    }

    [Fact]
    public void Render_NarrowConsole_DropsColumnsAndCutsLastWithEllipsis()
    {
        var text = OutDefault.Render([TestObjects.Vm("L1", VmState.Running)], consoleWidth: 40);

        Assert.Equal(
            Lines(
                "",
                "Name State   CPUUsage(%) MemoryAssigned…",
                "---- -----   ----------- ---------------",
                "L1   Running          12            2048",
                ""),
            text);
    }

    [Fact]
    public void Render_WideEnoughConsole_Unchanged()
    {
        var vm = TestObjects.Vm("L1");

        Assert.Equal(OutDefault.Render([vm]), OutDefault.Render([vm], consoleWidth: 200));
    }
}
