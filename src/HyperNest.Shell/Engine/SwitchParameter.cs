namespace HyperNest.Shell.Engine;

/// <summary>A parameter that is on when named (-Force) or given $true/$false with a colon (-Force:$false).</summary>
public readonly record struct SwitchParameter(bool IsPresent)
{
    public static implicit operator bool(SwitchParameter value) => value.IsPresent;

    public static implicit operator SwitchParameter(bool value) => new(value);

    public bool ToBool() => IsPresent;
}
