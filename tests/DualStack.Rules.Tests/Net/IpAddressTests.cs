using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>IpAddress: bytes, family, identity, ordering, offsets and Go's classification predicates.</summary>
public sealed class IpAddressTests
{
    private static IpAddress Ip(string text)
    {
        Assert.True(IpParser.TryParseSloppy(text, out var address), text);
        return address;
    }

    [Fact]
    public void Bytes_round_trip_keeps_the_written_form()
    {
        Assert.Equal(new byte[] { 10, 1, 2, 3 }, Ip("10.1.2.3").GetBytes());
        var mapped = Ip("::ffff:10.1.2.3").GetBytes();
        Assert.Equal(16, mapped.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3 }, mapped);
        Assert.True(IpAddress.FromBytes(mapped).IsIPv4Mapped);
        Assert.False(IpAddress.FromBytes([10, 1, 2, 3]).IsIPv4Mapped);
        Assert.Equal("2001:db8::1", IpAddress.FromBytes(Ip("2001:db8::1").GetBytes()).ToString());
        Assert.Throws<ArgumentException>(() => IpAddress.FromBytes(new byte[5]));
    }

    [Fact]
    public void Mapped_and_plain_IPv4_are_the_same_address_like_Go_net_IP_Equal()
    {
        Assert.Equal(Ip("1.2.3.4"), Ip("::ffff:1.2.3.4"));
        Assert.Equal(Ip("1.2.3.4").GetHashCode(), Ip("::ffff:1.2.3.4").GetHashCode());
        Assert.NotEqual(Ip("1.2.3.4"), Ip("::1.2.3.4"));
        Assert.True(Ip("010.0.0.1") == Ip("10.0.0.1"));
    }

    [Fact]
    public void Ordering_puts_IPv4_first_then_numeric()
    {
        var sorted = new[] { "::1", "10.0.0.2", "2001:db8::", "10.0.0.1", "::" }.Select(Ip).OrderBy(a => a).Select(a => a.ToString());
        Assert.Equal(["10.0.0.1", "10.0.0.2", "::", "::1", "2001:db8::"], sorted);
        Assert.True(Ip("10.0.0.1") < Ip("10.0.0.2"));
        Assert.True(Ip("255.255.255.255") < Ip("::"));
    }

    [Theory]
    [InlineData("10.0.0.255", 1, "10.0.1.0")]
    [InlineData("10.0.0.0", 10, "10.0.0.10")]
    [InlineData("255.255.255.254", 1, "255.255.255.255")]
    [InlineData("2001:db8::ffff", 1, "2001:db8::1:0")]
    [InlineData("::1:0", -1, "::ffff")]
    [InlineData("::ffff:1.2.3.4", 1, "1.2.3.5")]
    public void Add_moves_within_the_family(string start, long offset, string expected)
    {
        var result = Ip(start).Add(offset);
        Assert.Equal(expected, result.ToString());
        Assert.Equal(Ip(start).IsIPv4Mapped, result.IsIPv4Mapped);
    }

    [Fact]
    public void Add_refuses_to_leave_the_family()
    {
        Assert.Throws<OverflowException>(() => Ip("255.255.255.255").Add(1));
        Assert.Throws<OverflowException>(() => Ip("0.0.0.0").Add(-1));
        Assert.Throws<OverflowException>(() => Ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").Add(1));
        Assert.False(Ip("::").TryAdd(-1, out _));
        Assert.True(Ip("::").TryAdd(BigInteger.Pow(2, 127), out var half));
        Assert.Equal("8000::", half.ToString());
    }

    [Fact]
    public void Big_integer_value_is_in_family_space()
    {
        Assert.Equal(new BigInteger(0x0A000001), Ip("10.0.0.1").ToBigInteger());
        Assert.Equal(new BigInteger(0x0A000001), Ip("::ffff:10.0.0.1").ToBigInteger());
        Assert.Equal(BigInteger.One, Ip("::1").ToBigInteger());
    }

    [Theory]
    [InlineData("0.0.0.0", true, false, false, false, false)]
    [InlineData("::", true, false, false, false, false)]
    [InlineData("::ffff:0.0.0.0", true, false, false, false, false)]
    [InlineData("127.255.0.1", false, true, false, false, false)]
    [InlineData("::1", false, true, false, false, false)]
    [InlineData("::2", false, false, false, false, false)]
    [InlineData("169.254.1.1", false, false, true, false, false)]
    [InlineData("fe80::1", false, false, true, false, false)]
    [InlineData("fec0::1", false, false, false, false, false)]
    [InlineData("224.0.0.1", false, false, false, true, true)]
    [InlineData("224.0.1.1", false, false, false, false, true)]
    [InlineData("ff02::1", false, false, false, true, true)]
    [InlineData("ff32::1", false, false, false, true, true)]
    [InlineData("ff05::1", false, false, false, false, true)]
    public void Predicates_match_Go(string text, bool unspecified, bool loopback, bool linkLocal, bool llMulticast, bool multicast)
    {
        var ip = Ip(text);
        Assert.Equal(unspecified, ip.IsUnspecified);
        Assert.Equal(loopback, ip.IsLoopback);
        Assert.Equal(linkLocal, ip.IsLinkLocalUnicast);
        Assert.Equal(llMulticast, ip.IsLinkLocalMulticast);
        Assert.Equal(multicast, ip.IsMulticast);
    }

    [Theory]
    [InlineData("10.255.0.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fe00::1", false)]
    public void Private_matches_Go_IsPrivate(string text, bool expected) => Assert.Equal(expected, Ip(text).IsPrivate);

    [Fact]
    public void Default_is_the_IPv6_unspecified_address()
    {
        Assert.Equal("::", default(IpAddress).ToString());
        Assert.Equal(IpAddress.IPv6Any, default);
        Assert.Equal("0.0.0.0", IpAddress.IPv4Any.ToString());
        Assert.Equal("127.0.0.1", IpAddress.IPv4Loopback.ToString());
        Assert.Equal("::1", IpAddress.IPv6Loopback.ToString());
    }
}
