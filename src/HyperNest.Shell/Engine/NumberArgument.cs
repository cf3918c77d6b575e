namespace HyperNest.Shell.Engine;

/// <summary>
/// A number written as a command argument, with its text: a string parameter gets the text as written
/// ("8.0" stays "8.0", as in PowerShell), a numeric parameter gets the value.
/// </summary>
internal sealed record NumberArgument(object Value, string Text)
{
    public static object? Unwrap(object? value) => value switch
    {
        NumberArgument number => number.Value,
        object?[] array when array.Any(e => e is NumberArgument) => array.Select(Unwrap).ToArray(),
        _ => value,
    };
}
