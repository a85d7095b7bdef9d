using DualStack.Manifests.Cluster;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3004's ranges that overlap several others: for each range, how many earlier ranges it overlaps and the first few,
/// without pairing every range with every other when they repeat (identical CIDRs are compared once).
/// </summary>
internal static class DS3004Partners
{
    /// <summary>Each range that overlaps an earlier one, with the earlier ones it overlaps (count and first few), in order.</summary>
    public static IEnumerable<(ModelCidr Range, EarlierRanges Earlier)> EarlierOverlapping(IReadOnlyList<ModelCidr> ranges)
    {
        // Distinct CIDRs in order of first appearance, each with the positions that carry it.
        var distinct = new List<(IpCidr Cidr, List<int> Positions)>();
        var byCidr = new Dictionary<IpCidr, int>();
        for (var i = 0; i < ranges.Count; i++)
        {
            if (!byCidr.TryGetValue(ranges[i].Cidr, out var d))
            {
                byCidr[ranges[i].Cidr] = d = distinct.Count;
                distinct.Add((ranges[i].Cidr, []));
            }

            distinct[d].Positions.Add(i);
        }

        // The distinct CIDRs each one overlaps (itself included).
        var overlapping = distinct.Select(a => distinct.Select((b, index) => (b, index)).Where(x => a.Cidr.Overlaps(x.b.Cidr)).Select(x => x.index).ToList()).ToList();
        for (var i = 0; i < ranges.Count; i++)
        {
            var earlier = new EarlierRanges();
            var positions = overlapping[byCidr[ranges[i].Cidr]]
                .Select(d => distinct[d].Positions)
                .Select(p => (Count: LowerBound(p, i), Positions: p));
            var firsts = new List<int>();
            foreach (var (count, list) in positions)
            {
                earlier.Count += count;
                firsts.AddRange(list.Take(Math.Min(count, PartnerList.Named)));
            }

            if (earlier.Count > 0)
            {
                earlier.First.AddRange(firsts.OrderBy(p => p).Take(PartnerList.Named).Select(p => ranges[p]));
                yield return (ranges[i], earlier);
            }
        }
    }

    // How many of the sorted positions come before position.
    private static int LowerBound(List<int> sorted, int position)
    {
        var index = sorted.BinarySearch(position);
        return index >= 0 ? index : ~index;
    }
}

/// <summary>The earlier ranges one range overlaps: how many, and the first few in input order.</summary>
internal sealed class EarlierRanges
{
    public int Count { get; set; }

    public List<ModelCidr> First { get; } = [];
}
