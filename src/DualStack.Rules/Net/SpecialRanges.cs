namespace DualStack.Rules.Net;

/// <summary>
/// Address ranges that are wrong or suspicious as pod, service or node networks (cluster-config §0 cross-checks,
/// spec §1 EndpointIP filter), and classification of a CIDR or address against them.
/// </summary>
public static class SpecialRanges
{
    public static IpCidr IPv4Unspecified { get; } = C("0.0.0.0/32");
    public static IpCidr IPv6Unspecified { get; } = C("::/128");
    public static IpCidr IPv4Loopback { get; } = C("127.0.0.0/8");
    public static IpCidr IPv6Loopback { get; } = C("::1/128");
    public static IpCidr IPv4LinkLocal { get; } = C("169.254.0.0/16");
    public static IpCidr IPv6LinkLocal { get; } = C("fe80::/10");
    public static IpCidr IPv4LinkLocalMulticast { get; } = C("224.0.0.0/24");

    /// <summary><c>ff02::/16</c>; Go's <c>IsLinkLocalMulticast</c> (and so Kubernetes) also counts the other flag values <c>ffX2::/16</c>.</summary>
    public static IpCidr IPv6LinkLocalMulticast { get; } = C("ff02::/16");

    public static IpCidr IPv4Multicast { get; } = C("224.0.0.0/4");
    public static IpCidr IPv6Multicast { get; } = C("ff00::/8");
    public static IpCidr IPv4Documentation1 { get; } = C("192.0.2.0/24");
    public static IpCidr IPv4Documentation2 { get; } = C("198.51.100.0/24");
    public static IpCidr IPv4Documentation3 { get; } = C("203.0.113.0/24");
    public static IpCidr IPv6Documentation { get; } = C("2001:db8::/32");

    /// <summary><c>3fff::/20</c>, the second IPv6 documentation range (RFC 9637).</summary>
    public static IpCidr IPv6Documentation2 { get; } = C("3fff::/20");

    public static IpCidr UniqueLocal { get; } = C("fc00::/7");
    public static IpCidr UniqueLocalUndefined { get; } = C("fc00::/8");

    public static IpCidr SiteLocal { get; } = C("fec0::/10");
    public static IpCidr Private10 { get; } = C("10.0.0.0/8");
    public static IpCidr Private172 { get; } = C("172.16.0.0/12");
    public static IpCidr Private192 { get; } = C("192.168.0.0/16");
    public static IpCidr DockerBridge { get; } = C("172.17.0.0/16");

    /// <summary>Every special range, most specific kinds first within a family.</summary>
    public static IReadOnlyList<SpecialRange> All { get; } =
    [
        new(SpecialRangeKind.Unspecified, "the IPv4 unspecified address 0.0.0.0", IPv4Unspecified),
        new(SpecialRangeKind.Unspecified, "the IPv6 unspecified address ::", IPv6Unspecified),
        new(SpecialRangeKind.Loopback, "the IPv4 loopback range 127.0.0.0/8", IPv4Loopback),
        new(SpecialRangeKind.Loopback, "the IPv6 loopback address ::1", IPv6Loopback),
        new(SpecialRangeKind.LinkLocalUnicast, "the IPv4 link-local range 169.254.0.0/16", IPv4LinkLocal),
        new(SpecialRangeKind.LinkLocalUnicast, "the IPv6 link-local range fe80::/10", IPv6LinkLocal),
        new(SpecialRangeKind.LinkLocalMulticast, "the IPv4 link-local multicast range 224.0.0.0/24", IPv4LinkLocalMulticast),
        new(SpecialRangeKind.LinkLocalMulticast, "the IPv6 link-local multicast range ff02::/16 (any ffX2::/16)", IPv6LinkLocalMulticast, OtherLinkLocalMulticastFlags()),
        new(SpecialRangeKind.Multicast, "the IPv4 multicast range 224.0.0.0/4", IPv4Multicast),
        new(SpecialRangeKind.Multicast, "the IPv6 multicast range ff00::/8", IPv6Multicast),
        new(SpecialRangeKind.Documentation, "the documentation range 192.0.2.0/24 (TEST-NET-1)", IPv4Documentation1),
        new(SpecialRangeKind.Documentation, "the documentation range 198.51.100.0/24 (TEST-NET-2)", IPv4Documentation2),
        new(SpecialRangeKind.Documentation, "the documentation range 203.0.113.0/24 (TEST-NET-3)", IPv4Documentation3),
        new(SpecialRangeKind.Documentation, "the IPv6 documentation range 2001:db8::/32", IPv6Documentation),
        new(SpecialRangeKind.Documentation, "the IPv6 documentation range 3fff::/20", IPv6Documentation2),
        new(SpecialRangeKind.UniqueLocalUndefined, "fc00::/8, the undefined half of the unique local range fc00::/7", UniqueLocalUndefined),
        new(SpecialRangeKind.UniqueLocal, "the IPv6 unique local range fc00::/7", UniqueLocal),
        new(SpecialRangeKind.SiteLocal, "the deprecated IPv6 site-local range fec0::/10", SiteLocal),
        new(SpecialRangeKind.DockerBridge, "Docker's default bridge network 172.17.0.0/16", DockerBridge),
        new(SpecialRangeKind.Private, "the IPv4 private range 10.0.0.0/8", Private10),
        new(SpecialRangeKind.Private, "the IPv4 private range 172.16.0.0/12", Private172),
        new(SpecialRangeKind.Private, "the IPv4 private range 192.168.0.0/16", Private192),
    ];

    /// <summary>
    /// The special ranges <paramref name="cidr"/> lies in (<see cref="SpecialRangeMatch.IsWithin"/>) or overlaps,
    /// in <see cref="All"/> order. Only ranges of the CIDR's family can match.
    /// </summary>
    public static IReadOnlyList<SpecialRangeMatch> Classify(IpCidr cidr)
    {
        var matches = new List<SpecialRangeMatch>();
        foreach (var range in All)
        {
            var within = false;
            var overlaps = false;
            foreach (var candidate in range.AllCidrs)
            {
                within |= candidate.Contains(cidr);
                overlaps |= candidate.Overlaps(cidr);
            }

            if (overlaps)
            {
                matches.Add(new SpecialRangeMatch(range, within));
            }
        }

        return matches;
    }

    /// <summary>The special ranges an address lies in (always <see cref="SpecialRangeMatch.IsWithin"/>).</summary>
    public static IReadOnlyList<SpecialRangeMatch> Classify(IpAddress address) =>
        Classify(IpCidr.Create(address, address.BitLength));

    /// <summary>True when <paramref name="cidr"/> lies in or overlaps a range of <paramref name="kind"/>.</summary>
    public static bool Touches(IpCidr cidr, SpecialRangeKind kind) => Classify(cidr).Any(m => m.Range.Kind == kind);

    private static IpCidr[] OtherLinkLocalMulticastFlags()
    {
        // ff12::/16, ff22::/16, … fff2::/16: Go checks only the scope nibble, whatever the flags nibble.
        var ranges = new IpCidr[15];
        for (var flags = 1; flags < 16; flags++)
        {
            ranges[flags - 1] = IpCidr.Create(IpAddress.FromBytes([0xff, (byte)((flags << 4) | 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 16);
        }

        return ranges;
    }

    private static IpCidr C(string text) => IpCidr.Parse(text);
}
