namespace DualStack.Rules.Net;

/// <summary>The kinds of address ranges that should not be used as pod, service or node networks (or need a second look).</summary>
public enum SpecialRangeKind
{
    /// <summary><c>0.0.0.0</c>, <c>::</c>: "any", not an address.</summary>
    Unspecified,

    /// <summary><c>127.0.0.0/8</c>, <c>::1/128</c>.</summary>
    Loopback,

    /// <summary><c>169.254.0.0/16</c>, <c>fe80::/10</c>: never routed, used for node-local services (cloud metadata).</summary>
    LinkLocalUnicast,

    /// <summary><c>224.0.0.0/24</c>, <c>ffX2::/16</c>.</summary>
    LinkLocalMulticast,

    /// <summary><c>224.0.0.0/4</c>, <c>ff00::/8</c>.</summary>
    Multicast,

    /// <summary>TEST-NET-1/2/3, <c>2001:db8::/32</c> and <c>3fff::/20</c>: reserved for examples, not real networks.</summary>
    Documentation,

    /// <summary>IPv6 unique local addresses <c>fc00::/7</c> (use <c>fd00::/8</c>).</summary>
    UniqueLocal,

    /// <summary><c>fc00::/8</c>: the half of ULA whose allocation scheme was never defined.</summary>
    UniqueLocalUndefined,

    /// <summary><c>fec0::/10</c>: site-local, deprecated by RFC 3879 (kubeadm warns).</summary>
    SiteLocal,

    /// <summary>RFC 1918 IPv4 private ranges.</summary>
    Private,

    /// <summary><c>172.17.0.0/16</c>: Docker's default bridge network, present on many nodes.</summary>
    DockerBridge,
}

/// <summary>A named special range; <see cref="Name"/> is written for messages ("the IPv6 documentation range 2001:db8::/32").</summary>
public sealed class SpecialRange
{
    private readonly IpCidr[] _alsoCovers;

    internal SpecialRange(SpecialRangeKind kind, string name, IpCidr cidr, params IpCidr[] alsoCovers)
    {
        Kind = kind;
        Name = name;
        Cidr = cidr;
        _alsoCovers = alsoCovers;
    }

    public SpecialRangeKind Kind { get; }

    /// <summary>A human name that includes the range, for use in messages (DS3011 prints it verbatim).</summary>
    public string Name { get; }

    /// <summary>The range; for IPv6 link-local multicast this is <c>ff02::/16</c>, and the other <c>ffX2::/16</c> flag variants count too.</summary>
    public IpCidr Cidr { get; }

    public IpFamily Family => Cidr.Family;

    internal IEnumerable<IpCidr> AllCidrs => new[] { Cidr }.Concat(_alsoCovers);

    public override string ToString() => Name;
}

/// <summary>A special range a CIDR or address was found in or overlapping.</summary>
public readonly struct SpecialRangeMatch
{
    internal SpecialRangeMatch(SpecialRange range, bool isWithin)
    {
        Range = range;
        IsWithin = isWithin;
    }

    public SpecialRange Range { get; }

    /// <summary>True when the whole value lies inside the range; false when it only overlaps (e.g. it is wider).</summary>
    public bool IsWithin { get; }

    public override string ToString() => (IsWithin ? "within " : "overlaps ") + Range.Name;
}
