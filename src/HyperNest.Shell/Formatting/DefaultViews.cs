using HyperNest.Model;
using HyperNest.Shell.Commands.Utility;

namespace HyperNest.Shell.Formatting;

/// <summary>
/// The default views of HyperNest's result types, shaped after Hyper-V's format data. Register views
/// for new types here (or at run time with <see cref="ViewRegistry.Register"/>).
/// </summary>
public static class DefaultViews
{
    private const long Megabyte = 1024 * 1024;

    public static IEnumerable<TypeView> All()
    {
        yield return ViewBuilder.Table<VirtualMachine>()
            .Column("Name", v => v.Name)
            .Column("State", v => v.State)
            .Column("CPUUsage(%)", v => v.CPUUsage, ColumnAlignment.Right)
            .Column("MemoryAssigned(M)", v => v.MemoryAssigned / Megabyte, ColumnAlignment.Right)
            .Column("Uptime", v => ValueText.FormatDuration(v.Uptime))
            .Column("Status", v => v.Status)
            .Column("Version", v => v.Version)
            .Build();

        yield return ViewBuilder.Table<VmProcessor>()
            .Column("VMName", p => p.VMName)
            .Column("Count", p => p.Count, ColumnAlignment.Right)
            .Column("CompatibilityForMigrationEnabled", p => p.CompatibilityForMigrationEnabled)
            .Column("ExposeVirtualizationExtensions", p => p.ExposeVirtualizationExtensions)
            .Column("NestedHypervisorActive", p => p.NestedHypervisorActive)
            .Build();

        yield return ViewBuilder.Table<VmMemory>()
            .Column("VMName", m => m.VMName)
            .Column("DynamicMemoryEnabled", m => m.DynamicMemoryEnabled)
            .Column("Minimum(M)", m => m.Minimum / Megabyte, ColumnAlignment.Right)
            .Column("Startup(M)", m => m.Startup / Megabyte, ColumnAlignment.Right)
            .Column("Maximum(M)", m => m.Maximum / Megabyte, ColumnAlignment.Right)
            .Build();

        yield return ViewBuilder.List<VmHost>()
            .Column("ComputerName", h => h.ComputerName)
            .Column("LogicalProcessorCount", h => h.LogicalProcessorCount)
            .Column("MemoryCapacity", h => h.MemoryCapacity)
            .Column("ProcessorVendor", h => h.ProcessorVendor)
            .Column("ProcessorModel", h => h.ProcessorModel)
            .Column("Accelerator", h => h.Accelerator)
            .Column("AcceleratorReason", h => h.AcceleratorReason)
            .Column("VirtualMachinePath", h => h.VirtualMachinePath)
            .Column("VirtualHardDiskPath", h => h.VirtualHardDiskPath)
            .Column("QemuVersion", h => h.QemuVersion)
            .Column("SupportedVersions", h => h.SupportedVersions)
            .Column("DefaultVersion", h => h.DefaultVersion)
            .Column("NestedVirtualizationSupported", h => h.NestedVirtualizationSupported)
            .Column("NestedVirtualizationMode", h => h.NestedVirtualizationMode)
            .Column("NestedVirtualizationPrerequisites", h => string.Join('\n', h.NestedVirtualizationPrerequisites.Select(p => $"[{p.Result}] {p.Check}: {p.Detail}")))
            .Build();

        yield return ViewBuilder.List<VirtualHardDisk>()
            .Column("Path", d => d.Path)
            .Column("VhdFormat", d => d.VhdFormat)
            .Column("VhdType", d => d.VhdType)
            .Column("FileSize", d => d.FileSize)
            .Column("Size", d => d.Size)
            .Column("ParentPath", d => d.ParentPath)
            .Column("Attached", d => d.Attached)
            .Build();

        yield return ViewBuilder.Table<VmImage>()
            .Column("Name", i => i.Name)
            .Column("Built", i => i.Built)
            .Column("Size(M)", i => i.SizeBytes / Megabyte, ColumnAlignment.Right)
            .Column("BuiltTime", i => i.BuiltTime)
            .Column("Description", i => i.Description)
            .Build();

        yield return ViewBuilder.Table<VmHostSupportedVersion>()
            .Column("Name", v => v.Name)
            .Column("Version", v => v.Version)
            .Column("IsDefault", v => v.IsDefault)
            .Build();

        yield return ViewBuilder.Table<MemberDefinition>()
            .Column("Name", m => m.Name)
            .Column("MemberType", m => m.MemberType)
            .Column("Definition", m => m.Definition)
            .Build();

        yield return ViewBuilder.List<MeasureInfo>()
            .Column("Count", m => m.Count)
            .Column("Average", m => m.Average)
            .Column("Sum", m => m.Sum)
            .Column("Maximum", m => m.Maximum)
            .Column("Minimum", m => m.Minimum)
            .Column("Property", m => m.Property)
            .Build();

        yield return ViewBuilder.Table<CommandInfo>()
            .Column("CommandType", c => c.CommandType)
            .Column("Name", c => c.Name)
            .Column("Synopsis", c => c.Synopsis)
            .Build();

        foreach (var view in NetworkViews.All())
        {
            yield return view;
        }
    }
}
