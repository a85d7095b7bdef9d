using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Spec §1 "Strict layer": apimachinery parseIP/parseCIDR with strict=true, one problem at most.</summary>
public sealed class StrictParsingTests
{
    [Theory]
    [InlineData("010.1.1.1", IpProblem.LeadingZeros, "must not have leading 0s")]
    [InlineData("10.01.1.1", IpProblem.LeadingZeros, "must not have leading 0s")]
    [InlineData("10.1.1.00", IpProblem.LeadingZeros, "must not have leading 0s")]
    [InlineData("2001:db8::00001", IpProblem.LeadingZeros, "must not have leading 0s")] // netip: at most 4 hex digits
    [InlineData("0:0:0:0:000000:ffff:127.1.2.3", IpProblem.LeadingZeros, "must not have leading 0s")]
    [InlineData("::ffff:01.2.3.4", IpProblem.LeadingZeros, "must not have leading 0s")] // netip fails first, mapped not reached
    [InlineData("::ffff:1.2.3.4", IpProblem.IPv4Mapped, "must not be an IPv4-mapped IPv6 address")]
    [InlineData("::FFFF:102:304", IpProblem.IPv4Mapped, "must not be an IPv4-mapped IPv6 address")]
    [InlineData("1.2.3", IpProblem.Invalid, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    public void Strict_ip_problems(string text, IpProblem problem, string message)
    {
        var result = IpParser.ParseIp(text, strict: true);
        Assert.False(result.Success);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(message, result.Message);
        Assert.Equal(problem != IpProblem.Invalid, result.HasValue);

        // Legacy (gate off) accepts everything the sloppy parser does.
        Assert.Equal(problem == IpProblem.Invalid, !IpParser.ParseIp(text, strict: false).Success);
    }

    [Theory]
    [InlineData("10.1.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("2001:0db8::0001")] // 4-digit groups with leading zeros are fine for netip
    [InlineData("2001:DB8:0:0:0:0:0:1")] // not canonical, but legacy fields never demand canonical form
    [InlineData("::1.2.3.4")] // IPv4-compatible is not IPv4-mapped
    public void Strict_ip_accepts_non_canonical_text(string text)
    {
        var result = IpParser.ParseIp(text, strict: true);
        Assert.True(result.Success);
        Assert.Null(result.Message);
    }

    [Theory]
    [InlineData("010.0.0.0/8", IpProblem.LeadingZeros, "must not have leading 0s in IP or prefix length")]
    [InlineData("10.0.0.0/08", IpProblem.LeadingZeros, "must not have leading 0s in IP or prefix length")]
    [InlineData("10.0.0.0/00", IpProblem.LeadingZeros, "must not have leading 0s in IP or prefix length")]
    [InlineData("010.0.0.1/8", IpProblem.LeadingZeros, "must not have leading 0s in IP or prefix length")] // only the first problem
    [InlineData("::ffff:1.2.3.0/120", IpProblem.IPv4Mapped, "must not have an IPv4-mapped IPv6 address")]
    [InlineData("::ffff:1.2.3.4/120", IpProblem.IPv4Mapped, "must not have an IPv4-mapped IPv6 address")] // mapped wins over host bits
    [InlineData("10.1.2.3/8", IpProblem.HostBitsSet, "must not have bits set beyond the prefix length")]
    [InlineData("2001:db8::1/64", IpProblem.HostBitsSet, "must not have bits set beyond the prefix length")]
    [InlineData("10.0.0.0/33", IpProblem.Invalid, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")]
    public void Strict_cidr_reports_only_the_first_problem(string text, IpProblem problem, string message)
    {
        var result = IpParser.ParseCidr(text, strict: true);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(message, result.Message);
        Assert.Equal(problem == IpProblem.Invalid, !IpParser.ParseCidr(text, strict: false).Success);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.2.3/32")]
    [InlineData("2001:DB8:0::/64")] // non-canonical but valid
    [InlineData("::/0")]
    [InlineData("::1.2.3.0/120")]
    public void Strict_cidr_accepts(string text)
    {
        Assert.True(IpParser.ParseCidr(text, strict: true).Success);
    }

    [Fact]
    public void Default_results_are_not_successes()
    {
        Assert.False(default(ParseResult<IpAddress>).Success);
        Assert.False(default(ParseResult<IpCidr>).Success);
    }

    [Fact]
    public void Strict_result_still_carries_the_value_to_suggest()
    {
        var ip = IpParser.ParseIp("010.001.002.003", strict: true);
        Assert.Equal("10.1.2.3", ip.Value.ToString());

        var cidr = IpParser.ParseCidr("10.1.2.3/8", strict: true);
        Assert.True(cidr.HasValue);
        Assert.Equal("10.0.0.0/8", cidr.Value.ToString());
        Assert.Equal("10.1.2.3", cidr.Value.Address.ToString());
        Assert.True(cidr.Value.HasHostBits);
    }
}
