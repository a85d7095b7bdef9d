using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Special ranges (cluster-config §0 cross-checks) and classification.</summary>
public sealed class SpecialRangesTests
{
    private static IpCidr Cidr(string text)
    {
        Assert.True(IpParser.TryParseCidrSloppy(text, out var cidr), text);
        return cidr;
    }

    private static IReadOnlyList<SpecialRangeKind> Within(string cidr) =>
        SpecialRanges.Classify(Cidr(cidr)).Where(m => m.IsWithin).Select(m => m.Range.Kind).ToList();

    [Theory]
    [InlineData("10.42.0.0/16", new[] { SpecialRangeKind.Private })]
    [InlineData("172.17.0.0/16", new[] { SpecialRangeKind.DockerBridge, SpecialRangeKind.Private })]
    [InlineData("172.17.5.0/24", new[] { SpecialRangeKind.DockerBridge, SpecialRangeKind.Private })]
    [InlineData("169.254.0.0/16", new[] { SpecialRangeKind.LinkLocalUnicast })]
    [InlineData("127.0.0.0/8", new[] { SpecialRangeKind.Loopback })]
    [InlineData("192.0.2.0/24", new[] { SpecialRangeKind.Documentation })]
    [InlineData("198.51.100.0/25", new[] { SpecialRangeKind.Documentation })]
    [InlineData("203.0.113.0/24", new[] { SpecialRangeKind.Documentation })]
    [InlineData("224.0.0.0/24", new[] { SpecialRangeKind.LinkLocalMulticast, SpecialRangeKind.Multicast })]
    [InlineData("2001:db8:42::/56", new[] { SpecialRangeKind.Documentation })]
    [InlineData("3fff:0:42::/56", new[] { SpecialRangeKind.Documentation })]
    [InlineData("3fff:1000::/20", new SpecialRangeKind[0])]
    [InlineData("fd00:10::/56", new[] { SpecialRangeKind.UniqueLocal })]
    [InlineData("fc00:10::/56", new[] { SpecialRangeKind.UniqueLocalUndefined, SpecialRangeKind.UniqueLocal })]
    [InlineData("fec0::/64", new[] { SpecialRangeKind.SiteLocal })]
    [InlineData("fe80::/64", new[] { SpecialRangeKind.LinkLocalUnicast })]
    [InlineData("ff02::/16", new[] { SpecialRangeKind.LinkLocalMulticast, SpecialRangeKind.Multicast })]
    [InlineData("ff12::/16", new[] { SpecialRangeKind.LinkLocalMulticast, SpecialRangeKind.Multicast })]
    [InlineData("::1/128", new[] { SpecialRangeKind.Loopback })]
    [InlineData("2600:1f18::/32", new SpecialRangeKind[0])]
    [InlineData("100.64.0.0/10", new SpecialRangeKind[0])]
    public void Classify_within(string cidr, SpecialRangeKind[] kinds) => Assert.Equal(kinds, Within(cidr));

    [Fact]
    public void Wide_ranges_overlap_without_being_within()
    {
        var matches = SpecialRanges.Classify(Cidr("172.16.0.0/12"));
        var docker = Assert.Single(matches, m => m.Range.Kind == SpecialRangeKind.DockerBridge);
        Assert.False(docker.IsWithin);
        Assert.Equal("overlaps Docker's default bridge network 172.17.0.0/16", docker.ToString());
        Assert.True(SpecialRanges.Touches(Cidr("172.0.0.0/8"), SpecialRangeKind.DockerBridge));
        Assert.False(SpecialRanges.Touches(Cidr("172.18.0.0/16"), SpecialRangeKind.DockerBridge));
    }

    [Fact]
    public void Only_the_same_family_matches()
    {
        Assert.DoesNotContain(SpecialRanges.Classify(Cidr("::/0")), m => m.Range.Family == IpFamily.IPv4);
        Assert.DoesNotContain(SpecialRanges.Classify(Cidr("0.0.0.0/0")), m => m.Range.Family == IpFamily.IPv6);
    }

    [Fact]
    public void Addresses_classify_too()
    {
        Assert.True(IpParser.TryParseSloppy("0.0.0.0", out var any));
        Assert.Equal(SpecialRangeKind.Unspecified, Assert.Single(SpecialRanges.Classify(any)).Range.Kind);
        Assert.True(IpParser.TryParseSloppy("::ffff:169.254.169.254", out var metadata));
        Assert.Equal(SpecialRangeKind.LinkLocalUnicast, Assert.Single(SpecialRanges.Classify(metadata)).Range.Kind);
    }

    [Fact]
    public void Named_constants_are_canonical_and_named_for_messages()
    {
        Assert.Equal("172.17.0.0/16", SpecialRanges.DockerBridge.ToString());
        Assert.Equal("fc00::/8", SpecialRanges.UniqueLocalUndefined.ToString());
        Assert.Equal("ff02::/16", SpecialRanges.IPv6LinkLocalMulticast.ToString());
        Assert.All(SpecialRanges.All, r => Assert.Contains(r.Cidr.ToString().Split('/')[0].Split(':')[0], r.Name, StringComparison.Ordinal));
        Assert.All(SpecialRanges.All, r => Assert.False(r.Cidr.HasHostBits));
    }

    [Fact]
    public void The_RFC_9637_documentation_range_is_named()
    {
        Assert.Equal("3fff::/20", SpecialRanges.IPv6Documentation2.ToString());
        var match = Assert.Single(SpecialRanges.Classify(Cidr("3fff::/24")));
        Assert.Equal("the IPv6 documentation range 3fff::/20", match.Range.Name);
        Assert.True(match.IsWithin);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "the documentation range 192.0.2.0/24 (TEST-NET-1)")]
    [InlineData("198.51.100.0/25", "the documentation range 198.51.100.0/24 (TEST-NET-2)")]
    [InlineData("203.0.113.0/24", "the documentation range 203.0.113.0/24 (TEST-NET-3)")]
    [InlineData("fc00:a0::/64", "fc00::/8, the undefined half of the unique local range fc00::/7")]
    [InlineData("fec0::/64", "the deprecated IPv6 site-local range fec0::/10")]
    [InlineData("169.254.0.0/16", "the IPv4 link-local range 169.254.0.0/16")]
    [InlineData("fe80::/64", "the IPv6 link-local range fe80::/10")]
    public void Names_are_the_DS3011_wording(string cidr, string name) =>
        Assert.Equal(name, SpecialRanges.Classify(Cidr(cidr))[0].Range.Name);
}
