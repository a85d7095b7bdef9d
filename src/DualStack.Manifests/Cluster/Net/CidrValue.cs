using System.Globalization;
using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Net;

/// <summary>
/// A CIDR for range arithmetic (the address as written is kept, so host bits can be reported). Parsing is the
/// shared library's (<c>DualStack.Rules.Net.IpParser</c>), see <see cref="IpValue"/>.
/// </summary>
public readonly struct CidrValue : IEquatable<CidrValue>
{
    private CidrValue(IpValue address, int prefixLength)
    {
        Address = address;
        PrefixLength = prefixLength;
    }

    public IpValue Address { get; }

    public int PrefixLength { get; }

    public IpFamily Family => Address.Family;

    public int HostBits => Address.Bits - PrefixLength;

    /// <summary>Number of addresses (2^host bits).</summary>
    public BigInteger Size => BigInteger.One << HostBits;

    public IpValue Network => IpValue.FromNumber(Address.Value & ~((BigInteger.One << HostBits) - 1) & Max(Address.Bits), Family);

    /// <summary>True when the address has bits set beyond the prefix (<c>10.1.0.1/16</c>).</summary>
    public bool HasHostBits => Address.Value != Network.Value;

    /// <summary>The masked form as Go prints it (<c>10.1.0.0/16</c>).</summary>
    public CidrValue Masked => new(Network, PrefixLength);

    /// <summary>The n-th address of the range (1 = the first usable, the <c>kubernetes</c> Service IP).</summary>
    public IpValue Nth(int n) => IpValue.FromNumber(Network.Value + n, Family);

    public IpValue Last => IpValue.FromNumber(Network.Value + Size - 1, Family);

    public bool Contains(IpValue ip) => ip.Family == Family && ip.Value >= Network.Value && ip.Value <= Last.Value;

    public bool Overlaps(CidrValue other) => other.Family == Family && (Contains(other.Network) || other.Contains(Network));

    /// <summary>True when <paramref name="other"/> lies completely inside this range.</summary>
    public bool Covers(CidrValue other) => other.Family == Family && other.PrefixLength >= PrefixLength && Contains(other.Network);

    /// <summary>Parses a CIDR as Kubernetes components do (<c>netutils.ParseCIDRSloppy</c>, via <see cref="IpParser"/>).</summary>
    public static bool TryParse(string? text, out CidrValue cidr)
    {
        cidr = default;
        if (!IpParser.TryParseCidrSloppy(text, out var parsed) || !IpValue.TryParse(parsed.Address.ToString(), out var address))
        {
            return false;
        }

        cidr = new CidrValue(address, parsed.FamilyPrefixLength);
        return true;
    }

    public static CidrValue Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"\"{text}\" is not a CIDR.");

    public override string ToString() => $"{Network}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    public bool Equals(CidrValue other) => PrefixLength == other.PrefixLength && Network.Equals(other.Network);

    public override bool Equals(object? obj) => obj is CidrValue other && Equals(other);

    public override int GetHashCode() => Network.GetHashCode() ^ PrefixLength;

    private static BigInteger Max(int bits) => (BigInteger.One << bits) - 1;
}
