namespace HyperNest.Shell.Engine;

/// <summary>Resolves an action preference: the command's -ErrorAction/-WarningAction, else the session variable ($ErrorActionPreference), else Continue.</summary>
internal static class Preferences
{
    public static ActionPreference Effective(ActionPreference? given, ShellSession session, string variableName)
    {
        if (given is { } value)
        {
            return value;
        }

        return session.Variables.TryGetValue(variableName, out var variable)
            && ArgumentConverter.TryConvert(variable, typeof(ActionPreference), out var parsed)
            ? (ActionPreference)parsed!
            : ActionPreference.Continue;
    }
}
