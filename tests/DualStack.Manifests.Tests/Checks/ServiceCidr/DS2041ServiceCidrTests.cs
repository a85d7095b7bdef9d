using DualStack.Manifests.Tests.Checks.IpValues;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.ServiceCidr;

public sealed class DS2041ServiceCidrTests
{
    private static string ServiceCidr(string cidrs) => $"apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: extra\nspec:\n  cidrs: {cidrs}\n";

    private static string IpAddress(string name, string spec = "  parentRef: {resource: services, namespace: default, name: web}") =>
        $"apiVersion: networking.k8s.io/v1\nkind: IPAddress\nmetadata:\n  name: \"{name}\"\nspec:\n{spec}\n";

    [Theory]
    [InlineData("[10.96.0.0/16]")]
    [InlineData("[10.96.0.0/16, \"fd00:10:96::/112\"]")]
    [InlineData("[\"2001:db8::/64\", 10.0.0.0/8]")]
    [InlineData("[0.0.0.0/0]")]
    [InlineData("[\"fd00::/8\"]")]
    public void Canonical_single_and_dual_stack_cidrs_are_valid(string cidrs)
    {
        Assert.Empty(ManifestTestHelper.Lint(ServiceCidr(cidrs)).Describe("DS2041"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("")]
    public void Cidrs_are_required(string cidrs)
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(ServiceCidr(cidrs)), f => f.RuleId == "DS2041");
        Assert.Equal("DS2041 6:3 spec.cidrs", new[] { finding }.Describe().Single());
        Assert.StartsWith("Required value: at least one CIDR required", finding.Message);
    }

    [Fact]
    public void More_than_two_cidrs_stop_the_checks()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(ServiceCidr("[10.0.0.0/16, \"fd00::/64\", 010.1.0.0/16]")), f => f.RuleId == "DS2041");
        Assert.Equal("DS2041 6:37 spec.cidrs", new[] { finding }.Describe().Single());
        Assert.StartsWith("Invalid value: {\"cidrs\":[\"10.0.0.0/16\",\"fd00::/64\",\"010.1.0.0/16\"]}: may only hold up to 2 values", finding.Message);
    }

    [Fact]
    public void Two_cidrs_of_one_family_are_rejected()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(ServiceCidr("[10.0.0.0/16, 10.1.0.0/16]")), f => f.RuleId == "DS2041");
        Assert.Equal("DS2041 6:24 spec.cidrs", new[] { finding }.Describe().Single());
        Assert.Equal(
            "Invalid value: {\"cidrs\":[\"10.0.0.0/16\",\"10.1.0.0/16\"]}: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64; both are IPv4",
            finding.Message);
    }

    [Theory]
    [InlineData("10.1.2.3/8", "must not have bits set beyond the prefix length", "10.0.0.0/8")]
    [InlineData("010.0.0.0/8", "must not have leading 0s in IP or prefix length", "10.0.0.0/8")]
    [InlineData("\"::ffff:10.0.0.0/104\"", "must not have an IPv4-mapped IPv6 address", "10.0.0.0/8")]
    [InlineData("\"2001:DB8::/64\"", "must be in canonical form (\"2001:db8::/64\")", "2001:db8::/64")]
    [InlineData("\"2001:db8:0::/64\"", "must be in canonical form (\"2001:db8::/64\")", "2001:db8::/64")]
    public void Cidrs_must_be_strict_and_canonical_in_every_version(string cidr, string detail, string canonical)
    {
        foreach (var version in new[] { new KubernetesVersion(1, 33), new KubernetesVersion(1, 36) })
        {
            var text = ServiceCidr($"[{cidr}]");
            var finding = Assert.Single(ManifestTestHelper.Lint(text, new LintOptions { KubernetesVersion = version }), f => f.RuleId == "DS2041");
            Assert.Equal("DS2041 6:11 spec.cidrs[0]", new[] { finding }.Describe().Single());
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Equal($"Invalid value: \"{cidr.Trim('"')}\": {detail}; use \"{canonical}\"", finding.Message);
            Assert.Equal(text.Replace(cidr.Trim('"'), canonical), FixText.Apply(text, finding));
        }
    }

    [Fact]
    public void Unparseable_cidr_has_no_fix()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(ServiceCidr("[10.0.0.0]")), f => f.RuleId == "DS2041");
        Assert.Equal("Invalid value: \"10.0.0.0\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("10.96.0.10")]
    public void Canonical_IPAddress_names_are_valid(string name)
    {
        Assert.Empty(ManifestTestHelper.Lint(IpAddress(name)).Describe("DS2041"));
    }

    [Theory]
    [InlineData("2001:db8:0::1", "must be in canonical form (\"2001:db8::1\")", "2001:db8::1")]
    [InlineData("010.0.0.1", "must not have leading 0s", "10.0.0.1")]
    [InlineData("::ffff:10.0.0.1", "must not be an IPv4-mapped IPv6 address", "10.0.0.1")]
    public void IPAddress_names_must_be_strict_and_canonical(string name, string detail, string canonical)
    {
        var text = IpAddress(name);
        var finding = Assert.Single(ManifestTestHelper.Lint(text), f => f.RuleId == "DS2041");
        Assert.Equal("DS2041 4:9 metadata.name", new[] { finding }.Describe().Single());
        Assert.Equal($"Invalid value: \"{name}\": {detail}; use \"{canonical}\"", finding.Message);
        Assert.Equal(text.Replace(name, canonical), FixText.Apply(text, finding));
        Assert.Equal("IPAddress/" + name, finding.Object);
    }

    [Fact]
    public void IPAddress_needs_a_parentRef_with_resource_and_name()
    {
        Assert.Equal(["DS2041 5:1 spec.parentRef"], ManifestTestHelper.Lint(IpAddress("10.0.0.1", "  other: 1")).Describe("DS2041"));
        Assert.Equal(
            ["DS2041 6:3 spec.parentRef.name", "DS2041 6:3 spec.parentRef.resource"],
            ManifestTestHelper.Lint(IpAddress("10.0.0.1", "  parentRef: {group: \"\"}")).Describe("DS2041").Order());
        var finding = Assert.Single(ManifestTestHelper.Lint(IpAddress("10.0.0.1", "  parentRef: {resource: services, name: \"\"}")), f => f.RuleId == "DS2041");
        Assert.Equal("DS2041 6:41 spec.parentRef.name", new[] { finding }.Describe().Single());
        Assert.Equal("Required value", finding.Message);
    }
}
