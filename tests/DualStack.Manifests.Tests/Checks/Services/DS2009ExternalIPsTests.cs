using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>DS2009: spec §2 S15 (externalIPs) and S19 (status.loadBalancer.ingress).</summary>
public sealed class DS2009ExternalIPsTests
{
    [Fact]
    public void S15_unparseable_and_special_external_IPs_are_DS2009_per_index()
    {
        var yaml = With("  ipFamilyPolicy: PreferDualStack\n  externalIPs:\n  - 203.0.113.10\n  - 203.0.113.300\n  - 0.0.0.0\n  - 127.0.0.1\n  - fe80::1\n  - 224.0.0.5\n  - \"::\"\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(
            [
                "DS2009 11:5 spec.externalIPs[1]", "DS2009 12:5 spec.externalIPs[2]", "DS2009 13:5 spec.externalIPs[3]",
                "DS2009 14:5 spec.externalIPs[4]", "DS2009 15:5 spec.externalIPs[5]", "DS2009 16:5 spec.externalIPs[6]",
            ],
            findings.Describe());
        Assert.Equal("Invalid value: \"203.0.113.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", findings[0].Message);
        Assert.StartsWith("Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)", findings[1].Message);
        Assert.Contains("may not be in the loopback range (127.0.0.0/8, ::1/128)", findings[2].Message);
        Assert.Contains("may not be in the link-local range (169.254.0.0/16, fe80::/10)", findings[3].Message);
        Assert.Contains("may not be in the link-local multicast range", findings[4].Message);
    }

    [Fact]
    public void S15_ordinary_addresses_and_strict_only_problems_are_not_DS2009()
    {
        // 239.1.1.1 (other multicast) and private ranges are accepted; 010.0.0.1 (leading zeros) is DS2050's.
        var yaml = With("  ipFamilyPolicy: PreferDualStack\n  externalIPs: [198.51.100.7, \"2001:db8::7\", 239.1.1.1, 10.0.0.1, 010.0.0.1]\n");
        Assert.Empty(ManifestTestHelper.Lint(yaml).Describe("DS2009"));
    }

    // S19: the API server clears status on create; a manifest that carries a status (an exported object) is checked as
    // a status update would be.
    private static string LbStatus(string type, string ingress) =>
        With($"  ipFamilyPolicy: PreferDualStack\n  type: {type}\nstatus:\n  loadBalancer:\n    ingress:\n{ingress}");

    [Fact]
    public void S19_unparseable_ingress_ip_is_DS2009()
    {
        var findings = ManifestTestHelper.Lint(LbStatus("LoadBalancer", "    - ip: 203.0.113.300\n      ipMode: VIP\n"));
        var finding = Assert.Single(findings);
        Assert.Equal("DS2009 13:11 status.loadBalancer.ingress[0].ip", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"203.0.113.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", finding.Message);
    }

    [Fact]
    public void S19_strict_only_ingress_ip_is_DS2050_alone()
    {
        var findings = ManifestTestHelper.Lint(LbStatus("LoadBalancer", "    - ip: 010.0.0.1\n      ipMode: VIP\n"));
        Assert.Equal(["DS2050 13:11 status.loadBalancer.ingress[0].ip"], findings.Describe());
    }

    [Fact]
    public void S19_hostname_must_be_a_DNS_subdomain_and_not_an_IP()
    {
        var findings = ManifestTestHelper.Lint(LbStatus("LoadBalancer", "    - hostname: 203.0.113.10\n    - hostname: LB.example.com\n    - hostname: \"2001:db8::1\"\n"));
        Assert.Equal(
            [
                "DS2009 13:17 status.loadBalancer.ingress[0].hostname", "DS2009 14:17 status.loadBalancer.ingress[1].hostname",
                "DS2009 15:17 status.loadBalancer.ingress[2].hostname", "DS2009 15:17 status.loadBalancer.ingress[2].hostname",
            ],
            findings.Describe());
        Assert.Equal("Invalid value: \"203.0.113.10\": must be a DNS name, not an IP address; put an address in `ip`", findings[0].Message);
        Assert.StartsWith("Invalid value: \"LB.example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters", findings[1].Message);
        Assert.StartsWith("Invalid value: \"2001:db8::1\": a lowercase RFC 1123 subdomain", findings[2].Message);
        Assert.StartsWith("Invalid value: \"2001:db8::1\": must be a DNS name, not an IP address", findings[3].Message);
    }

    [Fact]
    public void S19_ipMode_is_forbidden_without_ip_and_must_be_VIP_or_Proxy()
    {
        var findings = ManifestTestHelper.Lint(LbStatus("LoadBalancer", "    - hostname: lb.example.com\n      ipMode: VIP\n    - ip: 203.0.113.10\n      ipMode: vip\n"));
        Assert.Equal(["DS2009 14:15 status.loadBalancer.ingress[0].ipMode", "DS2009 16:15 status.loadBalancer.ingress[1].ipMode"], findings.Describe());
        Assert.Equal("Forbidden: may not be specified when `ip` is not set", findings[0].Message);
        Assert.Equal("Unsupported value: \"vip\": supported values: \"Proxy\", \"VIP\"", findings[1].Message);
    }

    [Fact]
    public void S19_missing_ipMode_with_ip_is_defaulted_to_VIP_and_not_reported()
    {
        Assert.Empty(ManifestTestHelper.Lint(LbStatus("LoadBalancer", "    - ip: 203.0.113.10\n")));
    }

    [Fact]
    public void S19_ingress_on_a_non_LoadBalancer_Service_is_forbidden()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(LbStatus("ClusterIP", "    - ip: not-an-ip\n")));
        Assert.Equal("DS2009 12:5 status.loadBalancer.ingress", new[] { finding }.Describe().Single());
        Assert.Equal("Forbidden: may only be used when `spec.type` is 'LoadBalancer'", finding.Message);
    }

    [Fact]
    public void S19_valid_load_balancer_status_is_silent()
    {
        var yaml = LbStatus("LoadBalancer", "    - ip: 203.0.113.10\n      ipMode: VIP\n    - ip: \"2001:db8::10\"\n      ipMode: Proxy\n    - hostname: lb-123.elb.example.com\n");
        Assert.Empty(ManifestTestHelper.Lint(yaml));
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\nstatus:\n  loadBalancer: {}\n")));
    }
}
