namespace HyperNest.Shell.Formatting;

/// <summary>Text already laid out by Format-Table or Format-List; Out-Default prints it unchanged.</summary>
public sealed record FormattedText(string Text)
{
    public override string ToString() => Text;
}
