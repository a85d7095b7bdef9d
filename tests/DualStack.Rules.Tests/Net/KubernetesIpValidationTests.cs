using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Spec §1 public checks, warnings (exact texts per version) and the EndpointIP filter.</summary>
public sealed class KubernetesIpValidationTests
{
    private static readonly KubernetesVersion V135 = new(1, 35);
    private static readonly KubernetesVersion V136 = new(1, 36);

    [Theory]
    [InlineData("010.1.1.1", false, null)]
    [InlineData("010.1.1.1", true, "must not have leading 0s")]
    [InlineData("::ffff:1.2.3.4", false, null)]
    [InlineData("::ffff:1.2.3.4", true, "must not be an IPv4-mapped IPv6 address")]
    [InlineData("2001:DB8:0:0::1", true, null)] // legacy fields never require canonical form
    [InlineData("", false, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    [InlineData("None", true, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    public void Legacy_ip_field(string value, bool strict, string? expected) =>
        Assert.Equal(expected, KubernetesIpValidation.ValidateIpForLegacyField(value, strict));

    [Theory]
    [InlineData("10.1.2.3/8", false, null)]
    [InlineData("10.1.2.3/8", true, "must not have bits set beyond the prefix length")]
    [InlineData("10.0.0.0/08", true, "must not have leading 0s in IP or prefix length")]
    [InlineData("2001:DB8::/64", true, null)]
    [InlineData("   ", false, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")]
    public void Legacy_cidr_field(string value, bool strict, string? expected) =>
        Assert.Equal(expected, KubernetesIpValidation.ValidateCidrForLegacyField(value, strict));

    [Fact]
    public void Gate_default_follows_the_version()
    {
        Assert.False(KubernetesIpValidation.IsStrictByDefault(V135));
        Assert.True(KubernetesIpValidation.IsStrictByDefault(V136));
        Assert.Null(KubernetesIpValidation.ValidateIpForLegacyField("010.1.1.1", V135));
        Assert.Equal("must not have leading 0s", KubernetesIpValidation.ValidateIpForLegacyField("010.1.1.1", V136));
        Assert.Null(KubernetesIpValidation.ValidateCidrForLegacyField("10.1.1.1/8", V135));
        Assert.Equal("must not have bits set beyond the prefix length", KubernetesIpValidation.ValidateCidrForLegacyField("10.1.1.1/8", V136));
    }

    [Theory]
    [InlineData("2001:db8::1", null)]
    [InlineData("192.168.1.5", null)]
    [InlineData("2001:db8:0::1", "must be in canonical form (\"2001:db8::1\")")]
    [InlineData("2001:DB8::1", "must be in canonical form (\"2001:db8::1\")")]
    [InlineData("010.0.0.1", "must not have leading 0s")]
    [InlineData("::ffff:1.2.3.4", "must not be an IPv4-mapped IPv6 address")]
    public void New_ip_field_requires_canonical_form(string value, string? expected) =>
        Assert.Equal(expected, KubernetesIpValidation.ValidateIp(value));

    [Theory]
    [InlineData("10.96.0.0/12", null)]
    [InlineData("2001:db8::/64", null)]
    [InlineData("2001:db8:0::/64", "must be in canonical form (\"2001:db8::/64\")")]
    [InlineData("10.96.0.1/12", "must not have bits set beyond the prefix length")]
    [InlineData("10.96.0.0", "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")]
    public void New_cidr_field_requires_canonical_form(string value, string? expected) =>
        Assert.Equal(expected, KubernetesIpValidation.ValidateCidr(value));

    [Fact]
    public void Ip_warnings_use_the_version_wording()
    {
        Assert.Equal(
            ["non-standard IP address \"05.06.07.08\" is invalid: use \"5.6.7.8\""],
            KubernetesIpValidation.GetWarningsForIp("05.06.07.08", V136));
        Assert.Equal(
            ["non-standard IP address \"::ffff:1.2.3.4\" will be considered invalid in a future Kubernetes release: use \"1.2.3.4\""],
            KubernetesIpValidation.GetWarningsForIp("::ffff:1.2.3.4", V135));
        Assert.Equal(
            ["IPv6 address \"2001:db8:0:0::2\" should be in RFC 5952 canonical format (\"2001:db8::2\")"],
            KubernetesIpValidation.GetWarningsForIp("2001:db8:0:0::2"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForIp("10.0.0.1"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForIp("2001:db8::2"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForIp("not-an-ip"));
    }

    [Fact]
    public void Cidr_warnings_match_apimachinery()
    {
        Assert.Equal(
            [$"CIDR value \"192.12.2.8/24\" is ambiguous in this context (should be \"192.12.2.0/24\" or \"192.12.2.8/32\"?)"],
            KubernetesIpValidation.GetWarningsForCidr("192.12.2.8/24", V136));
        Assert.Equal(
            [$"non-standard CIDR value \"192.12.2.0/024\" will be considered invalid in a future Kubernetes release: use \"192.12.2.0/24\""],
            KubernetesIpValidation.GetWarningsForCidr("192.12.2.0/024", V135));
        Assert.Equal(
            [$"non-standard CIDR value \"::ffff:192.12.2.0/120\" is invalid: use \"192.12.2.0/24\""],
            KubernetesIpValidation.GetWarningsForCidr("::ffff:192.12.2.0/120", V136));
        Assert.Equal(
            [
                $"CIDR value \"192.012.2.8/24\" is ambiguous in this context (should be \"192.12.2.0/24\" or \"192.12.2.8/32\"?)",
                $"non-standard CIDR value \"192.012.2.8/24\" is invalid: use \"192.12.2.0/24\"",
            ],
            KubernetesIpValidation.GetWarningsForCidr("192.012.2.8/24", V136));
        Assert.Equal(
            [$"IPv6 CIDR value \"2001:db8:0:0::/64\" should be in RFC 5952 canonical format (\"2001:db8::/64\")"],
            KubernetesIpValidation.GetWarningsForCidr("2001:db8:0:0::/64"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForCidr("2001:db8::/64"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForCidr("10.0.0.0/8"));
        Assert.Empty(KubernetesIpValidation.GetWarningsForCidr("10.0.0.0"));
    }

    [Fact]
    public void Mapped_cidr_with_host_bits_quotes_a_128_bit_single_address()
    {
        // Go takes the bit count from the 16-byte mask, so the "single IP" alternative reads 1.2.3.4/128.
        var warnings = KubernetesIpValidation.GetWarningsForCidr("::ffff:1.2.3.4/120", V136);
        Assert.Equal(
            [
                "CIDR value \"::ffff:1.2.3.4/120\" is ambiguous in this context (should be \"1.2.3.0/24\" or \"1.2.3.4/128\"?)",
                "non-standard CIDR value \"::ffff:1.2.3.4/120\" is invalid: use \"1.2.3.0/24\"",
            ],
            warnings);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("239.1.1.1")] // other multicast is accepted
    [InlineData("192.168.1.1")]
    [InlineData("2001:db8::1")]
    [InlineData("ff05::1")]
    public void Endpoint_ip_filter_accepts(string value) => Assert.Empty(KubernetesIpValidation.ValidateEndpointIp(value));

    [Theory]
    [InlineData("0.0.0.0", "may not be unspecified (0.0.0.0)")]
    [InlineData("::", "may not be unspecified (::)")]
    [InlineData("127.1.2.3", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("::1", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("::ffff:127.0.0.1", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("169.254.169.254", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    [InlineData("fe80::1", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    [InlineData("febf::1", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    [InlineData("224.0.0.251", "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")]
    [InlineData("ff02::1", "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")]
    [InlineData("ff12::1", "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")] // ffX2::/16
    public void Endpoint_ip_filter_rejects(string value, string message) =>
        Assert.Equal([message], KubernetesIpValidation.ValidateEndpointIp(value));

    [Fact]
    public void Endpoint_ip_filter_on_garbage() =>
        Assert.Equal(["must be a valid IP address"], KubernetesIpValidation.ValidateEndpointIp("x"));
}
