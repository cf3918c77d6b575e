using System.Reflection;

namespace HyperNest.Shell.Engine;

/// <summary>
/// PowerShell's common parameters that every cmdlet accepts. -Confirm is accepted because HyperNest
/// never prompts; -WhatIf is refused rather than ignored, since ignoring it would make changes the user
/// asked not to make.
/// </summary>
public sealed class CommonParameters
{
    public static IReadOnlyList<ParameterMetadata> Metadata { get; } = typeof(CommonParameters)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.IsDefined(typeof(ParameterAttribute)))
        .Select(p => new ParameterMetadata(p))
        .ToArray();

    [Parameter]
    [Alias("vb")]
    public SwitchParameter Verbose { get; set; }

    [Parameter]
    [Alias("db")]
    public SwitchParameter Debug { get; set; }

    [Parameter]
    [Alias("ea")]
    public ActionPreference? ErrorAction { get; set; }

    [Parameter]
    [Alias("wa")]
    public ActionPreference? WarningAction { get; set; }

    [Parameter]
    [Alias("cf")]
    public SwitchParameter Confirm { get; set; }

    [Parameter]
    [Alias("wi")]
    public SwitchParameter WhatIf { get; set; }

    public static bool IsCommon(ParameterMetadata parameter) => parameter.Property.DeclaringType == typeof(CommonParameters);
}
