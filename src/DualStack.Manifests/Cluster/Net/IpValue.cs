using System.Globalization;
using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Net;

/// <summary>
/// An IP address as the cluster configuration checks need it (a number and a family, for range arithmetic).
/// Parsing is delegated to the shared library (<c>DualStack.Rules.Net.IpParser</c>); this small value type predates it.
/// </summary>
public readonly struct IpValue : IEquatable<IpValue>
{
    private IpValue(BigInteger value, IpFamily family)
    {
        Value = value;
        Family = family;
    }

    /// <summary>The address as a number (32-bit for IPv4, 128-bit for IPv6; IPv4-mapped IPv6 is stored as IPv4).</summary>
    public BigInteger Value { get; }

    public IpFamily Family { get; }

    public int Bits => Family == IpFamily.IPv4 ? 32 : 128;

    public bool IsUnspecified => Value.IsZero;

    public static IpValue FromNumber(BigInteger value, IpFamily family) => new(value, family);

    /// <summary>
    /// Parses an IP as Kubernetes components do (<c>netutils.ParseIPSloppy</c>); the validity decision is the shared
    /// library's (<see cref="IpParser"/>), this type only carries the value for range arithmetic.
    /// </summary>
    public static bool TryParse(string? text, out IpValue ip)
    {
        ip = default;
        if (!IpParser.TryParseSloppy(text, out var address))
        {
            return false;
        }

        ip = new IpValue(address.ToBigInteger(), address.Family);
        return true;
    }

    /// <summary>Canonical text: dotted quad, or RFC 5952 IPv6 (longest zero run of two or more groups compressed).</summary>
    public override string ToString()
    {
        if (Family == IpFamily.IPv4)
        {
            var b = Value;
            return string.Join(".", new[] { 24, 16, 8, 0 }.Select(shift => ((int)((b >> shift) & 0xff)).ToString(CultureInfo.InvariantCulture)));
        }

        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (int)((Value >> (16 * (7 - i))) & 0xffff);
        }

        int bestStart = -1, bestLen = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > bestLen && j - i >= 2)
            {
                bestStart = i;
                bestLen = j - i;
            }

            i = j;
        }

        string Hex(IEnumerable<int> gs) => string.Join(":", gs.Select(g => g.ToString("x", CultureInfo.InvariantCulture)));
        return bestStart < 0
            ? Hex(groups)
            : Hex(groups.Take(bestStart)) + "::" + Hex(groups.Skip(bestStart + bestLen));
    }

    public bool Equals(IpValue other) => Family == other.Family && Value == other.Value;

    public override bool Equals(object? obj) => obj is IpValue other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode() ^ (int)Family;
}
