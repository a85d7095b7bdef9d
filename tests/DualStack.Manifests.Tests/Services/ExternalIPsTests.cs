using static DualStack.Manifests.Tests.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Services;

/// <summary>DS2009: spec §2 S15 (externalIPs) and why S19 (status) is not checked.</summary>
public sealed class ExternalIPsTests
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
        Assert.Equal("spec.externalIPs[1]: Invalid value: \"203.0.113.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", findings[0].Message);
        Assert.StartsWith("spec.externalIPs[2]: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)", findings[1].Message);
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

    // S19: status is cleared on create, so a status block in a manifest is never validated.
    [Fact]
    public void S19_load_balancer_status_is_not_checked()
    {
        var yaml = With("  ipFamilyPolicy: PreferDualStack\n  type: LoadBalancer\nstatus:\n  loadBalancer:\n    ingress:\n    - ip: not-an-ip\n      hostname: 10.0.0.1\n");
        Assert.Empty(ManifestTestHelper.Lint(yaml));
    }
}
