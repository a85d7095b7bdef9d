using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Canonical text = Go net.IP.String() / IPNet.String(): RFC 5952, lowercase, mapped as dotted IPv4.</summary>
public sealed class CanonicalFormTests
{
    [Theory]
    [InlineData("2001:0db8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("0:0::1", "::1")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("FE80::ABC", "fe80::abc")]
    [InlineData("::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1")] // longest run wins
    [InlineData("2001:0:0:1:0:0:1:1", "2001::1:0:0:1:1")] // first run wins a tie
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")] // a single zero group is not compressed
    [InlineData("1:0:0:0:0:0:0:0", "1::")]
    [InlineData("0:0:0:0:0:0:0:1", "::1")]
    [InlineData("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0")]
    [InlineData("0:0:1:0:0:0:1:0", "0:0:1::1:0")]
    [InlineData("010.001.000.000", "10.1.0.0")]
    public void Ip_canonical_text(string text, string canonical)
    {
        Assert.Equal(canonical, IpParser.Canonicalize(text));
        Assert.True(IpParser.IsCanonicalIp(canonical));
        Assert.Equal(text == canonical, IpParser.IsCanonicalIp(text));
    }

    [Theory]
    [InlineData("2001:DB8:0:0::/64", "2001:db8::/64")]
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("10.0.0.0/08", "10.0.0.0/8")]
    [InlineData("::ffff:192.12.2.0/120", "192.12.2.0/24")]
    public void Cidr_canonical_text(string text, string canonical)
    {
        Assert.Equal(canonical, IpParser.CanonicalizeCidr(text));
        Assert.Equal(canonical, IpParser.CanonicalizeCidr(canonical));
    }

    [Fact]
    public void Unparseable_has_no_canonical_form()
    {
        Assert.Null(IpParser.Canonicalize("nope"));
        Assert.Null(IpParser.CanonicalizeCidr("10.0.0.0"));
        Assert.False(IpParser.IsCanonicalIp(null));
    }
}
