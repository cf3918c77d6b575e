using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Tests.TestSupport;

/// <summary>What a test cmdlet saw: its parameter set and the values of its bound parameters.</summary>
public sealed record BindingReport(string ParameterSet, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> Bound)
{
    public object? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Exercises named, aliased, prefixed, positional and switch binding and type conversion.</summary>
[Cmdlet("Set", "TestVM")]
public sealed class SetTestVmCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string? Name { get; set; }

    [Parameter(Position = 1)]
    public int Count { get; set; }

    [Parameter]
    public long MemoryStartupBytes { get; set; }

    [Parameter]
    public bool? ExposeVirtualizationExtensions { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public OnOffState? MacAddressSpoofing { get; set; }

    [Parameter]
    public VmState? State { get; set; }

    [Parameter]
    public string[]? Tags { get; set; }

    [Parameter]
    public string? Version { get; set; }

    [Parameter]
    public double Ratio { get; set; }

    [Parameter]
    public Guid? Id { get; set; }

    [Parameter]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    public ScriptBlock? Filter { get; set; }

    [Parameter]
    public string? NewVHDPath { get; set; }

    [Parameter]
    public long NewVHDSizeBytes { get; set; }

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}

/// <summary>Two parameter sets, ByName (default, positional name) and ById (mandatory Id), and a pipeline object parameter.</summary>
[Cmdlet("Get", "TestThing", DefaultParameterSetName = "ByName")]
public sealed class GetTestThingCommand : Cmdlet
{
    [Parameter(ParameterSetName = "ByName", Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = "ById", Mandatory = true)]
    public Guid Id { get; set; }

    [Parameter(ParameterSetName = "ByVM", Mandatory = true, ValueFromPipeline = true)]
    public VirtualMachine? VM { get; set; }

    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}

/// <summary>Writes VirtualMachine records for the names given, like Get-VM.</summary>
[Cmdlet("Get", "TestVMs")]
public sealed class GetTestVmsCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string[] Name { get; set; } = ["L1"];

    protected internal override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            WriteObject(TestObjects.Vm(name));
        }
    }
}

/// <summary>Fails with a HostException for input "nope" and passes other strings on, to test non-terminating errors.</summary>
[Cmdlet("Test", "Lookup")]
public sealed class TestLookupCommand : Cmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, Mandatory = true)]
    public string? Name { get; set; }

    protected internal override void ProcessRecord()
    {
        if (Name == "nope")
        {
            throw new HostException($"Hyper-V was unable to find a virtual machine with name \"{Name}\".", ErrorCategory.InvalidArgument, "InvalidParameter", Name);
        }

        if (Name == "warn")
        {
            WriteWarning("careful");
            WriteVerbose("details");
        }

        if (Name == "fatal")
        {
            ThrowTerminatingError(new ErrorRecord("Stopped on purpose.", ErrorCategory.InvalidOperation, "Fatal"));
        }

        WriteObject("found " + Name);
    }
}

internal static class BindingReports
{
    public static BindingReport Of(Cmdlet cmdlet, string parameterSet)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in cmdlet.GetType().GetProperties())
        {
            if (property.IsDefined(typeof(ParameterAttribute), true))
            {
                var value = property.GetValue(cmdlet);
                if (value is not null && !(value is SwitchParameter { IsPresent: false }) && !(value is int or long or double && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == 0))
                {
                    values[property.Name] = value;
                }
            }
        }

        return new BindingReport(parameterSet, values, cmdlet.Runtime.BoundParameters.Order(StringComparer.Ordinal).ToArray());
    }
}

internal static class TestObjects
{
    public static VirtualMachine Vm(string name, VmState state = VmState.Off) => new()
    {
        Name = name,
        Id = Guid.Parse("11111111-2222-3333-4444-555555555555"),
        State = state,
        CPUUsage = state == VmState.Running ? 12 : 0,
        MemoryAssigned = state == VmState.Running ? 2048L * 1024 * 1024 : 0,
        Uptime = state == VmState.Running ? new TimeSpan(0, 1, 23) : TimeSpan.Zero,
        Status = "Operating normally",
        Version = "12.0",
    };
}

/// <summary>What Get-TestAdapter returns, shaped like Hyper-V's VMNetworkAdapter (VMName, Name).</summary>
public sealed record TestAdapter(string VMName, string Name, OnOffState MacAddressSpoofing);

[Cmdlet("Get", "TestAdapter")]
public sealed class GetTestAdapterCommand : Cmdlet
{
    [Parameter(Mandatory = true)]
    public string[]? VMName { get; set; }

    protected internal override void ProcessRecord()
    {
        foreach (var vm in VMName!)
        {
            WriteObject(new TestAdapter(vm, "Network Adapter", OnOffState.Off));
        }
    }
}

/// <summary>Takes adapters from the pipeline by value, like Set-VMNetworkAdapter -VMNetworkAdapter.</summary>
[Cmdlet("Set", "TestAdapter", DefaultParameterSetName = "VMName")]
public sealed class SetTestAdapterCommand : Cmdlet
{
    [Parameter(ParameterSetName = "VMName", Mandatory = true, Position = 0)]
    public string[]? VMName { get; set; }

    [Parameter(ParameterSetName = "Object", Mandatory = true, ValueFromPipeline = true)]
    public TestAdapter[]? VMNetworkAdapter { get; set; }

    [Parameter]
    public OnOffState? MacAddressSpoofing { get; set; }

    protected internal override void ProcessRecord()
    {
        foreach (var adapter in VMNetworkAdapter ?? [])
        {
            WriteObject(adapter with { MacAddressSpoofing = MacAddressSpoofing ?? adapter.MacAddressSpoofing });
        }
    }
}

/// <summary>Shaped like Set-VMProcessor: -VMName (alias Name) by property name, or -VM objects by value.</summary>
[Cmdlet("Set", "TestProcessor", DefaultParameterSetName = "VMName")]
public sealed class SetTestProcessorCommand : Cmdlet
{
    [Parameter(ParameterSetName = "VMName", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string[] VMName { get; set; } = [];

    [Parameter(ParameterSetName = "VMObject", Mandatory = true, ValueFromPipeline = true)]
    public VirtualMachine[] VM { get; set; } = [];

    [Parameter]
    public bool? ExposeVirtualizationExtensions { get; set; }

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}

/// <summary>Same, but only by property name, so a VirtualMachine's Name reaches -VMName through the alias.</summary>
[Cmdlet("Get", "TestProcessor")]
public sealed class GetTestProcessorCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string[] VMName { get; set; } = [];

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}

/// <summary>Exercises the Validate* attributes.</summary>
[Cmdlet("New", "TestSwitch")]
public sealed class NewTestSwitchCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateSet("Internal", "Private", "External")]
    public string? SwitchType { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int[]? Ports { get; set; }

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}

/// <summary>One positional parameter, then ValueFromRemainingArguments collecting the rest (like netsh).</summary>
[Cmdlet("Invoke", "TestRemaining")]
public sealed class InvokeTestRemainingCommand : Cmdlet
{
    [Parameter(Position = 0)]
    public string? First { get; set; }

    [Parameter]
    public SwitchParameter Flag { get; set; }

    [Parameter(ValueFromRemainingArguments = true)]
    public string[]? Rest { get; set; }

    protected internal override void ProcessRecord() => WriteObject(BindingReports.Of(this, ParameterSetName));
}
