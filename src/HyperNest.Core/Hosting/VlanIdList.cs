using System.Globalization;

namespace HyperNest.Hosting;

/// <summary>
/// A set of VLAN IDs as -AllowedVlanIdList writes it ("1-100,200"): comma-separated IDs and ranges, each
/// ID from 1 to 4094 (802.1Q reserves 0 and 4095; Hyper-V refuses them too). Kept as sorted, merged ranges.
/// </summary>
public sealed class VlanIdList
{
    public const int MinimumId = 1;
    public const int MaximumId = 4094;

    private VlanIdList(IReadOnlyList<(int From, int To)> ranges) => Ranges = ranges;

    public static VlanIdList Empty { get; } = new([]);

    /// <summary>Sorted, non-overlapping, non-adjacent ranges.</summary>
    public IReadOnlyList<(int From, int To)> Ranges { get; }

    public bool IsEmpty => Ranges.Count == 0;

    public IReadOnlyList<int> Ids => Ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).ToList();

    /// <summary>Parses the list; throws a HostException that names the bad piece.</summary>
    public static VlanIdList Parse(string text)
    {
        var ranges = new List<(int, int)>();
        foreach (var piece in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = piece.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !TryId(ends[0], out var from) || !TryId(ends[^1], out var to) || from > to)
            {
                throw HostErrors.InvalidArgument(
                    $"\"{piece}\" in the VLAN ID list \"{text}\" is not a VLAN ID or a range of them. Write IDs from {MinimumId} to {MaximumId} and ranges low-high, separated by commas (e.g. \"1-100,200\").",
                    text);
            }

            ranges.Add((from, to));
        }

        return new VlanIdList(Merge(ranges));
    }

    /// <summary>Throws when <paramref name="id"/> is outside 1–4094, naming the parameter it came from.</summary>
    public static int RequireId(int id, string parameterName) => id is >= MinimumId and <= MaximumId
        ? id
        : throw HostErrors.InvalidArgument($"{id} is not a valid VLAN ID for -{parameterName}: a VLAN ID is a number from {MinimumId} to {MaximumId}.", id.ToString(CultureInfo.InvariantCulture));

    public bool Contains(int id) => Ranges.Any(r => id >= r.From && id <= r.To);

    public override string ToString() => string.Join(',', Ranges.Select(r => r.From == r.To
        ? r.From.ToString(CultureInfo.InvariantCulture)
        : $"{r.From.ToString(CultureInfo.InvariantCulture)}-{r.To.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id is >= MinimumId and <= MaximumId;

    private static List<(int From, int To)> Merge(List<(int From, int To)> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var range in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && range.From <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
