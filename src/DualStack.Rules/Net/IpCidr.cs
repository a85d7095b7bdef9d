using System.Globalization;
using System.Numerics;

namespace DualStack.Rules.Net;

/// <summary>
/// A CIDR value with Kubernetes (Go <c>net.IPNet</c>) semantics: the address as written (host bits kept, so the
/// "ambiguous" warning and the strict "bits set beyond the prefix length" error can be reported) and its masked
/// network.
/// </summary>
/// <remarks>
/// <see cref="PrefixLength"/> is the length as written: for IPv6 text it counts 128 bits even when the address is
/// IPv4-mapped (<c>::ffff:1.2.3.0/120</c>). <see cref="FamilyPrefixLength"/> is the same prefix in the family's own
/// address space (24 for that example), which is what Go prints and what containment uses.
/// </remarks>
public readonly struct IpCidr : IEquatable<IpCidr>
{
    // The prefix measured over the 16-byte form: plain IPv4 text adds the 96 bits of ::ffff:0:0/96.
    private readonly int _prefix128;

    internal IpCidr(IpAddress address, int prefixLength, bool writtenAsIPv4)
    {
        Address = address;
        PrefixLength = prefixLength;
        AddressBits = writtenAsIPv4 ? 32 : 128;
        _prefix128 = writtenAsIPv4 ? prefixLength + 96 : prefixLength;
    }

    /// <summary>
    /// Parses with Kubernetes' sloppy rules (<see cref="IpParser.TryParseCidrSloppy"/>) and throws <see cref="FormatException"/>
    /// otherwise; meant for constants and tests. Use <see cref="IpParser"/> for input.
    /// </summary>
    public static IpCidr Parse(string text) =>
        IpParser.TryParseCidrSloppy(text, out var cidr) ? cidr : throw new FormatException($"\"{text}\" is not a CIDR value.");

    /// <summary>Builds a CIDR from an address and a prefix length in that address's family (host bits kept).</summary>
    public static IpCidr Create(IpAddress address, int familyPrefixLength)
    {
        if (familyPrefixLength < 0 || familyPrefixLength > address.BitLength)
        {
            throw new ArgumentOutOfRangeException(nameof(familyPrefixLength), familyPrefixLength, $"Must be 0..{address.BitLength}.");
        }

        return address.IsIPv4Mapped
            ? new IpCidr(address, familyPrefixLength + 96, false)
            : new IpCidr(address, familyPrefixLength, address.Family == IpFamily.IPv4);
    }

    /// <summary>The address as written, host bits included.</summary>
    public IpAddress Address { get; }

    /// <summary>The prefix length as written (0..32 for IPv4 text, 0..128 for IPv6 text).</summary>
    public int PrefixLength { get; }

    /// <summary>32 when the address was written as IPv4, 128 when written as IPv6 (Go's <c>Mask.Size()</c> bits).</summary>
    public int AddressBits { get; }

    /// <summary>The address with the host bits cleared.</summary>
    public IpAddress Network => Address.Mask(_prefix128);

    /// <summary>True when bits beyond the prefix length are set (<c>10.1.2.3/8</c>).</summary>
    public bool HasHostBits => Address != Network;

    /// <summary>
    /// The same range with the host bits cleared (<c>10.1.2.3/8</c> becomes <c>10.0.0.0/8</c>), written as before
    /// (IPv4 or IPv6 text, same <see cref="PrefixLength"/>). Since <see cref="Equals(IpCidr)"/> compares the address
    /// with its host bits, compare <see cref="Masked"/> values to ask "the same range?".
    /// </summary>
    public IpCidr Masked => new(Network, PrefixLength, AddressBits == 32);

    /// <summary>The family of the masked network, as <c>IPFamilyOfCIDR</c> decides.</summary>
    public IpFamily Family => Network.Family;

    /// <summary>The prefix in the family's own space: 0..32 for IPv4 (mapped included), 0..128 for IPv6.</summary>
    public int FamilyPrefixLength => Family == IpFamily.IPv4 ? _prefix128 - 96 : _prefix128;

    /// <summary>Bits left for hosts: 32 or 128 minus the prefix.</summary>
    public int HostBits => 128 - _prefix128;

    /// <summary>Number of addresses: 2^<see cref="HostBits"/>.</summary>
    public BigInteger Size => BigInteger.One << HostBits;

    /// <summary>The last address of the range (the IPv4 broadcast address).</summary>
    public IpAddress Last => Network.Add(Size - 1);

    /// <summary>
    /// Network + 1: the ClusterIP of the <c>kubernetes</c> Service when this is a service range.
    /// Throws <see cref="InvalidOperationException"/> for a single-address range (/32, /128).
    /// </summary>
    public IpAddress First => Nth(1);

    /// <summary>Network + <paramref name="n"/> (10 is kubeadm's DNS ClusterIP); throws when outside the range.</summary>
    public IpAddress Nth(long n) =>
        TryGetNth(n, out var result)
            ? result
            : throw new InvalidOperationException($"{this} has no address at offset {n.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Network + <paramref name="n"/>, false when <paramref name="n"/> is negative or not below <see cref="Size"/>.</summary>
    public bool TryGetNth(BigInteger n, out IpAddress address)
    {
        address = default;
        return n.Sign >= 0 && n < Size && Network.TryAdd(n, out address);
    }

    /// <summary>
    /// Go's <c>IPNet.Contains</c>: same family and the same leading bits. An IPv4-mapped address counts as IPv4,
    /// so <c>10.0.0.0/8</c> contains <c>::ffff:10.1.2.3</c> and <c>::/0</c> does not contain <c>10.1.2.3</c>.
    /// </summary>
    public bool Contains(IpAddress address) =>
        address.Family == Family && address.Mask(_prefix128) == Network;

    /// <summary>True when every address of <paramref name="other"/> is in this range (same family).</summary>
    public bool Contains(IpCidr other) =>
        other.Family == Family && other._prefix128 >= _prefix128 && Contains(other.Network);

    /// <summary>True when the ranges share an address: one contains the other's network (cluster-config §0).</summary>
    public bool Overlaps(IpCidr other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>
    /// Go's <c>IPNet.String()</c>: the masked network and the prefix, e.g. <c>2001:db8::/64</c>. An IPv4-mapped
    /// network prints as IPv4 with the length in IPv4 bits: <c>::ffff:1.2.3.4/120</c> is <c>1.2.3.0/24</c>.
    /// </summary>
    public override string ToString() =>
        Network.ToString() + "/" + FamilyPrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>Same address (host bits included) and same prefix; like <see cref="IpAddress"/>, the written form
    /// (<c>10.0.0.0/8</c> vs <c>::ffff:10.0.0.0/104</c>) does not matter.</summary>
    public bool Equals(IpCidr other) => Address == other.Address && _prefix128 == other._prefix128;

    public override bool Equals(object? obj) => obj is IpCidr other && Equals(other);

    public override int GetHashCode() => (Address.GetHashCode() * 397) ^ _prefix128;

    public static bool operator ==(IpCidr left, IpCidr right) => left.Equals(right);

    public static bool operator !=(IpCidr left, IpCidr right) => !left.Equals(right);
}
