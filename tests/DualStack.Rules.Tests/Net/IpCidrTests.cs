using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>IpCidr: masking, size, first/nth, containment and overlap (cluster-config §0 helpers).</summary>
public sealed class IpCidrTests
{
    private static IpCidr Cidr(string text)
    {
        Assert.True(IpParser.TryParseCidrSloppy(text, out var cidr), text);
        return cidr;
    }

    private static IpAddress Ip(string text)
    {
        Assert.True(IpParser.TryParseSloppy(text, out var address), text);
        return address;
    }

    [Theory]
    [InlineData("10.96.0.0/12", IpFamily.IPv4, 20, "10.96.0.1", "10.96.0.10", "10.111.255.255")]
    [InlineData("fd00:10:96::/112", IpFamily.IPv6, 16, "fd00:10:96::1", "fd00:10:96::a", "fd00:10:96::ffff")]
    [InlineData("10.152.183.0/24", IpFamily.IPv4, 8, "10.152.183.1", "10.152.183.10", "10.152.183.255")]
    [InlineData("10.1.2.3/24", IpFamily.IPv4, 8, "10.1.2.1", "10.1.2.10", "10.1.2.255")] // host bits ignored
    public void Size_first_nth_last(string text, IpFamily family, int hostBits, string first, string tenth, string last)
    {
        var cidr = Cidr(text);
        Assert.Equal(family, cidr.Family);
        Assert.Equal(hostBits, cidr.HostBits);
        Assert.Equal(BigInteger.Pow(2, hostBits), cidr.Size);
        Assert.Equal(first, cidr.First.ToString());
        Assert.Equal(tenth, cidr.Nth(10).ToString());
        Assert.Equal(last, cidr.Last.ToString());
    }

    [Fact]
    public void Nth_stays_inside_the_range()
    {
        var cidr = Cidr("10.0.0.0/30");
        Assert.Equal("10.0.0.3", cidr.Nth(3).ToString());
        Assert.Throws<InvalidOperationException>(() => cidr.Nth(4));
        Assert.Throws<InvalidOperationException>(() => cidr.Nth(-1));
        Assert.Throws<InvalidOperationException>(() => Cidr("10.0.0.1/32").First);
        Assert.False(Cidr("::1/128").TryGetNth(1, out _));
        Assert.Equal(BigInteger.Pow(2, 128), Cidr("::/0").Size);
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", Cidr("::/0").Last.ToString());
    }

    [Theory]
    [InlineData("10.1.2.3/8", "10.0.0.0/8", 8, 32)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", 8, 32)]
    [InlineData("fd00:10:96::1/112", "fd00:10:96::/112", 112, 128)]
    [InlineData("::ffff:10.1.2.3/104", "10.0.0.0/8", 104, 128)] // the written form is kept
    public void Masked_clears_the_host_bits_and_keeps_the_written_form(string text, string masked, int prefixLength, int addressBits)
    {
        var cidr = Cidr(text).Masked;
        Assert.False(cidr.HasHostBits);
        Assert.Equal(masked, cidr.ToString());
        Assert.Equal(prefixLength, cidr.PrefixLength);
        Assert.Equal(addressBits, cidr.AddressBits);
        Assert.Equal(Cidr(text).Network, cidr.Address);
        Assert.Equal(Cidr(masked), cidr);
    }

    [Fact]
    public void Equality_counts_host_bits_and_Masked_does_not()
    {
        Assert.NotEqual(Cidr("10.1.2.3/8"), Cidr("10.0.0.0/8"));
        Assert.Equal(Cidr("10.1.2.3/8").Masked, Cidr("10.0.0.0/8").Masked);
        Assert.NotEqual(Cidr("10.0.0.0/8").Masked, Cidr("10.0.0.0/9").Masked);
    }

    [Fact]
    public void Host_bits_are_kept_in_Address_and_masked_in_Network()
    {
        var cidr = Cidr("10.1.2.3/8");
        Assert.True(cidr.HasHostBits);
        Assert.Equal("10.1.2.3", cidr.Address.ToString());
        Assert.Equal("10.0.0.0", cidr.Network.ToString());
        Assert.Equal(32, cidr.AddressBits);
        Assert.False(Cidr("10.0.0.0/8").HasHostBits);
        Assert.False(Cidr("0.0.0.0/0").HasHostBits);
        Assert.True(Cidr("::1/0").HasHostBits);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)] // mapped counts as IPv4
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("::/0", "10.0.0.1", false)] // Go: an IPv4 address is never in an IPv6 network
    [InlineData("::/0", "::ffff:10.0.0.1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::", false)]
    [InlineData("::ffff:10.0.0.0/104", "10.1.2.3", true)] // mapped network works in IPv4 space
    [InlineData("10.1.2.3/32", "10.1.2.3", true)]
    public void Contains_address(string cidr, string ip, bool expected) => Assert.Equal(expected, Cidr(cidr).Contains(Ip(ip)));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true, true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false, true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true, true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false, false)]
    [InlineData("172.16.0.0/12", "172.17.0.0/16", true, true)] // Docker bridge inside the RFC 1918 block
    [InlineData("0.0.0.0/0", "::/0", false, false)]
    [InlineData("fd00::/8", "fd00:10::/56", true, true)]
    [InlineData("fd00:10::/56", "fd00:11::/56", false, false)]
    public void Contains_and_overlaps_cidr(string a, string b, bool contains, bool overlaps)
    {
        Assert.Equal(contains, Cidr(a).Contains(Cidr(b)));
        Assert.Equal(overlaps, Cidr(a).Overlaps(Cidr(b)));
        Assert.Equal(overlaps, Cidr(b).Overlaps(Cidr(a)));
    }

    [Fact]
    public void Parse_is_sloppy_and_throws_on_garbage()
    {
        Assert.Equal("10.0.0.0/8", IpCidr.Parse("010.1.2.3/08").ToString());
        Assert.Equal("10.1.2.3", IpAddress.Parse("010.1.2.3").ToString());
        Assert.Throws<FormatException>(() => IpCidr.Parse("10.0.0.0"));
        Assert.Throws<FormatException>(() => IpAddress.Parse("2"));
    }

    [Fact]
    public void Create_from_an_address_and_a_family_prefix()
    {
        Assert.Equal("10.0.0.0/8", IpCidr.Create(Ip("10.9.9.9"), 8).ToString());
        Assert.Equal("1.2.3.0/24", IpCidr.Create(Ip("::ffff:1.2.3.4"), 24).ToString());
        Assert.Equal(120, IpCidr.Create(Ip("::ffff:1.2.3.4"), 24).PrefixLength);
        Assert.Equal("2001:db8::/32", IpCidr.Create(Ip("2001:db8::1"), 32).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => IpCidr.Create(Ip("10.0.0.0"), 33));
    }

    [Fact]
    public void Equality_is_by_value_with_host_bits_but_not_by_written_form()
    {
        Assert.Equal(Cidr("10.0.0.0/8"), Cidr("::ffff:10.0.0.0/104"));
        Assert.Equal(Cidr("10.0.0.0/8").GetHashCode(), Cidr("::ffff:10.0.0.0/104").GetHashCode());
        Assert.Equal(Cidr("10.0.0.0/8"), Cidr("010.0.0.0/08"));
        Assert.NotEqual(Cidr("10.0.0.0/8"), Cidr("10.0.0.1/8"));
        Assert.True(Cidr("10.0.0.0/8") != Cidr("10.0.0.0/9"));
    }
}
