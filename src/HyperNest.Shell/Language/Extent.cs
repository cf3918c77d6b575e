namespace HyperNest.Shell.Language;

/// <summary>Where a piece of script sits: offsets into the script text and the 1-based line/column of its start.</summary>
public readonly record struct Extent(int Start, int End, int Line, int Column)
{
    public int Length => End - Start;
}
