namespace HyperNest.Shell.Engine;

/// <summary>The text between '{' and '}', handed as-is to the cmdlets that take script blocks.</summary>
public sealed record ScriptBlock(string Text)
{
    public override string ToString() => Text;
}
