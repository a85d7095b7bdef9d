using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Spec §1 "Sloppy IP parse" / "Sloppy CIDR parse": what ParseIPSloppy and ParseCIDRSloppy accept.</summary>
public sealed class SloppyParsingTests
{
    [Theory]
    [InlineData("10.1.1.1", "10.1.1.1")]
    [InlineData("010.1.1.1", "10.1.1.1")] // leading zeros are decimal, never octal
    [InlineData("010.001.002.003", "10.1.2.3")]
    [InlineData("0000000000255.0.0.0", "255.0.0.0")] // any number of leading zeros
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:0db8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("0:0::1", "::1")]
    [InlineData("2001:db8:00000000001::", "2001:db8:1::")] // any number of leading zeros in a group
    [InlineData("::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("::ffff:102:304", "1.2.3.4")]
    [InlineData("::1.2.3.4", "::102:304")] // IPv4-compatible: Go prints hex
    [InlineData("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8")]
    [InlineData("::ffff:010.1.1.1", "10.1.1.1")]
    // Vectors from k8s.io/utils' forked-parser tests (issue 100895 keeps leading zeros working).
    [InlineData("127.007.008.009", "127.7.8.9")]
    [InlineData("::ffff:7f01:0203", "127.1.2.3")]
    [InlineData("0:0:0:0:0000:ffff:127.1.2.3", "127.1.2.3")]
    [InlineData("0:0:0:0:000000:ffff:127.1.2.3", "127.1.2.3")]
    [InlineData("0:0:0:0::ffff:127.1.2.3", "127.1.2.3")]
    [InlineData("2001:4860:0000:2001:0000:0000:0000:0068", "2001:4860:0:2001::68")]
    public void Accepts_what_ParseIPSloppy_accepts(string text, string canonical)
    {
        Assert.True(IpParser.TryParseSloppy(text, out var address));
        Assert.Equal(canonical, address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" 10.1.1.1")]
    [InlineData("10.1.1.1 ")]
    [InlineData("2")]
    [InlineData("0x0a.1.1.1")]
    [InlineData("10.1.1")]
    [InlineData("10.1.1.1.1")]
    [InlineData("10.1.1.256")]
    [InlineData("10..1.1")]
    [InlineData("10.1.1.")]
    [InlineData("-1.1.1.1")]
    [InlineData("+1.1.1.1")]
    [InlineData("1.2.3.4:80")]
    [InlineData("1.2.3.4/32")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::1/128")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8::")] // "::" must stand for at least one group
    [InlineData("::1:2:3:4:5:6:7:8")]
    [InlineData("12345::")]
    [InlineData("g::")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")] // embedded IPv4 not in the last 32 bits
    [InlineData("1.2.3.4::")]
    [InlineData("::1.2.3")]
    [InlineData("::1.2.3.4.5")]
    [InlineData("::ffff:1.2.3.256")]
    [InlineData("localhost")]
    [InlineData("１.2.3.4")] // full-width digit
    [InlineData("-0.0.0.0")]
    [InlineData("0.-1.0.0")]
    [InlineData("123:")]
    [InlineData("fe80::1%911")]
    [InlineData("a1:a2:a3:a4::b1:b2:b3:b4")] // Go issue 6628: "::" standing for no group
    public void Rejects_what_ParseIPSloppy_rejects(string? text)
    {
        Assert.False(IpParser.TryParseSloppy(text, out _));
        Assert.Equal(IpProblem.Invalid, IpParser.ParseIp(text, strict: false).Problem);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", 8)]
    [InlineData("10.1.2.3/8", "10.0.0.0/8", 8)] // host bits silently masked
    [InlineData("10.0.0.0/08", "10.0.0.0/8", 8)] // leading zeros in the length
    [InlineData("10.0.0.0/0000032", "10.0.0.0/32", 32)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", 0)]
    [InlineData("2001:DB8::1/64", "2001:db8::/64", 64)]
    [InlineData("::/0", "::/0", 0)]
    [InlineData("::1/128", "::1/128", 128)]
    [InlineData("010.1.0.0/16", "10.1.0.0/16", 16)]
    [InlineData("abcd:2345::/24", "abcd:2300::/24", 24)]
    [InlineData("127.000.000.001/32", "127.0.0.1/32", 32)]
    public void Accepts_what_ParseCIDRSloppy_accepts(string text, string canonical, int prefix)
    {
        Assert.True(IpParser.TryParseCidrSloppy(text, out var cidr));
        Assert.Equal(canonical, cidr.ToString());
        Assert.Equal(prefix, cidr.PrefixLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.0 /8")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0/255.0.0.0")]
    [InlineData("fe80::%eth0/64")]
    [InlineData("[::]/0")]
    [InlineData("10/8")]
    [InlineData("10.0.0.0/0x8")]
    [InlineData("2001:db8::1/-0")]
    [InlineData("0.0.0.0/-0")]
    [InlineData("192.168.1.1/35")]
    public void Rejects_what_ParseCIDRSloppy_rejects(string? text)
    {
        Assert.False(IpParser.TryParseCidrSloppy(text, out _));
        var result = IpParser.ParseCidr(text, strict: false);
        Assert.Equal(IpProblem.Invalid, result.Problem);
        Assert.Equal("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", result.Message);
    }

    [Theory]
    [InlineData("1.2.3.4", IpFamily.IPv4, false, 32)]
    [InlineData("::ffff:1.2.3.4", IpFamily.IPv4, true, 32)] // IPFamilyOf: mapped counts as IPv4
    [InlineData("::1.2.3.4", IpFamily.IPv6, false, 128)]
    [InlineData("2001:db8::1", IpFamily.IPv6, false, 128)]
    public void Family_follows_IPFamilyOf(string text, IpFamily family, bool mapped, int bits)
    {
        Assert.True(IpParser.TryParseSloppy(text, out var address));
        Assert.Equal(family, address.Family);
        Assert.Equal(mapped, address.IsIPv4Mapped);
        Assert.Equal(bits, address.BitLength);
    }

    [Theory]
    [InlineData("::ffff:1.2.3.4/120", "1.2.3.0/24", IpFamily.IPv4, 120, 24)] // Go prints mapped networks as IPv4
    [InlineData("::ffff:1.2.3.4/96", "0.0.0.0/0", IpFamily.IPv4, 96, 0)]
    [InlineData("::ffff:1.2.3.4/64", "::/64", IpFamily.IPv6, 64, 64)] // the mapped prefix is masked away
    [InlineData("::ffff:1.2.3.4/90", "::ffc0:0:0/90", IpFamily.IPv6, 90, 90)]
    public void Mapped_cidrs_print_and_classify_like_Go(string text, string canonical, IpFamily family, int prefix, int familyPrefix)
    {
        Assert.True(IpParser.TryParseCidrSloppy(text, out var cidr));
        Assert.Equal(canonical, cidr.ToString());
        Assert.Equal(family, cidr.Family);
        Assert.Equal(prefix, cidr.PrefixLength);
        Assert.Equal(familyPrefix, cidr.FamilyPrefixLength);
    }
}
