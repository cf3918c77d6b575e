using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>
/// One evaluated command-line element: -Name (no value), -Name:value, or a value. A value standing
/// after a named non-switch parameter is that parameter's argument; otherwise it is positional.
/// </summary>
internal sealed record CommandArgument(string? ParameterName, object? Value, bool HasValue, Extent Extent)
{
    public static CommandArgument Parameter(string name, Extent extent) => new(name, null, false, extent);

    public static CommandArgument ParameterWithValue(string name, object? value, Extent extent) => new(name, value, true, extent);

    public static CommandArgument Positional(object? value, Extent extent) => new(null, value, true, extent);
}
