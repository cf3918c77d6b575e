using HyperNest.Hosting;
using HyperNest.Shell.Language;

namespace HyperNest.Shell.Engine;

/// <summary>The binder's errors, worded as PowerShell words them so users can search for them.</summary>
internal static class BindingErrors
{
    public static ShellException Create(string commandName, string errorId, string message, Extent? extent, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        new(Record(commandName, errorId, message, extent, category));

    public static ErrorRecord Record(string commandName, string errorId, string message, Extent? extent, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        new(message, category, errorId, null, commandName) { Extent = extent, Reason = "ParameterBindingException" };

    public static ShellException NotFound(string commandName, string name, Extent extent) =>
        Create(commandName, "NamedParameterNotFound", $"A parameter cannot be found that matches parameter name '{name}'.", extent);

    public static ShellException Ambiguous(string commandName, string name, IEnumerable<string> candidates, Extent extent) =>
        Create(commandName, "AmbiguousParameter",
            $"Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include: {string.Join(" ", candidates.Select(c => "-" + c))}.",
            extent);

    public static ShellException MissingArgument(string commandName, ParameterMetadata parameter, Extent extent) =>
        Create(commandName, "MissingArgument",
            $"Missing an argument for parameter '{parameter.Name}'. Specify a parameter of type '{TypeNames.Friendly(parameter.Type)}' and try again.", extent);

    public static ShellException SpecifiedTwice(string commandName, string name, Extent extent) =>
        Create(commandName, "ParameterAlreadyBound", $"Cannot bind parameter because parameter '{name}' is specified more than once.", extent);

    public static ShellException NoPositional(string commandName, object? value, Extent extent) =>
        Create(commandName, "PositionalParameterNotFound",
            $"A positional parameter cannot be found that accepts argument '{Formatting.ValueText.Format(NumberArgument.Unwrap(value))}'.", extent);

    public static ShellException SetNotResolved(string commandName, Extent? extent) =>
        Create(commandName, "AmbiguousParameterSet",
            "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
            extent);

    public static ErrorRecord MissingMandatory(string commandName, IEnumerable<string> names, Extent? extent) =>
        Record(commandName, "MissingMandatoryParameter",
            $"Cannot process command because of one or more missing mandatory parameters: {string.Join(" ", names)}.", extent);

    public static ShellException CannotConvert(string commandName, string parameterName, string reason, Extent? extent) =>
        Create(commandName, "CannotConvertArgumentNoMessage", $"Cannot bind parameter '{parameterName}'. {reason}", extent);

    public static ShellException ValidationFailed(string commandName, string parameterName, string reason, Extent? extent) =>
        Create(commandName, "ParameterArgumentValidationError", $"Cannot validate argument on parameter '{parameterName}'. {reason}", extent, ErrorCategory.InvalidData);

    public static ErrorRecord InputNotBound(string commandName, object? input, Extent? extent) =>
        Record(commandName, "InputObjectNotBound",
            "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
            extent) with { TargetName = Formatting.ValueText.Format(input) };
}
