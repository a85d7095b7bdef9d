using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.Endpoints;

public sealed class DS2040EndpointAddressTests
{
    private static string Slice(string addressType, string addresses) => $"""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {"{name: web-abc, namespace: prod}"}
        addressType: {addressType}
        endpoints:
        - addresses: [{addresses}]
        """;

    [Fact]
    public void IPv6_address_in_an_IPv4_slice_must_be_an_IPv4_address()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("IPv4", "10.0.0.1, \"fd00::1\"")), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:25 endpoints[0].addresses[1]", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("EndpointSlice/prod/web-abc", finding.Object);
        Assert.StartsWith("Invalid value: \"fd00::1\": must be an IPv4 address", finding.Message);
    }

    [Fact]
    public void IPv4_address_in_an_IPv6_slice_must_be_an_IPv6_address()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("IPv6", "10.0.0.1")), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:15 endpoints[0].addresses[0]", new[] { finding }.Describe().Single());
        Assert.StartsWith("Invalid value: \"10.0.0.1\": must be an IPv6 address", finding.Message);
    }

    [Fact]
    public void IPv4_mapped_IPv6_counts_as_IPv4()
    {
        Assert.Empty(ManifestTestHelper.Lint(Slice("IPv4", "\"::ffff:10.0.0.1\"")).Describe("DS2040"));
        // Before 1.36 the mapped address passes the IP check, so the family check sees it (from 1.36 it is DS2050's).
        var v135 = new LintOptions { KubernetesVersion = new KubernetesVersion(1, 35) };
        Assert.Empty(ManifestTestHelper.Lint(Slice("IPv4", "\"::ffff:10.0.0.1\""), v135).Describe("DS2040"));
        Assert.Equal(["DS2040 6:15 endpoints[0].addresses[0]"], ManifestTestHelper.Lint(Slice("IPv6", "\"::ffff:10.0.0.1\""), v135).Describe("DS2040"));
    }

    [Fact]
    public void Matching_family_addresses_are_silent()
    {
        Assert.Empty(ManifestTestHelper.Lint(Slice("IPv4", "10.0.0.1, 192.168.1.2")).Describe("DS2040"));
        Assert.Empty(ManifestTestHelper.Lint(Slice("IPv6", "\"fd00::1\", \"2001:db8::2\"")).Describe("DS2040"));
        Assert.Empty(ManifestTestHelper.Lint(Slice("FQDN", "db.example.com")).Describe("DS2040"));
    }

    [Theory]
    [InlineData("IPv4", "127.0.0.1", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("IPv4", "0.0.0.0", "may not be unspecified (0.0.0.0)")]
    [InlineData("IPv4", "169.254.1.1", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    [InlineData("IPv4", "224.0.0.5", "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")]
    [InlineData("IPv6", "\"::1\"", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("IPv6", "\"fe80::1\"", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    public void Special_addresses_are_rejected_by_the_EndpointIP_filter(string type, string address, string detail)
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice(type, address)), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:15 endpoints[0].addresses[0]", new[] { finding }.Describe().Single());
        Assert.Equal($"Invalid value: \"{address.Trim('"')}\": {detail}", finding.Message);
    }

    [Fact]
    public void Other_multicast_and_private_addresses_pass_the_filter()
    {
        Assert.Empty(ManifestTestHelper.Lint(Slice("IPv4", "239.1.1.1, 10.1.1.1, 172.16.0.1")).Describe("DS2040"));
    }

    [Fact]
    public void Unparseable_address_is_one_finding()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("IPv4", "10.0.0.256")), f => f.RuleId == "DS2040");
        Assert.Equal("Invalid value: \"10.0.0.256\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", finding.Message);
    }

    [Theory]
    [InlineData("ipv4", "Unsupported value: \"ipv4\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"")]
    [InlineData("\"\"", "Required value")]
    public void AddressType_must_be_IPv4_IPv6_or_FQDN(string type, string message)
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice(type, "10.0.0.1")), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 4:14 addressType", new[] { finding }.Describe().Single());
        Assert.StartsWith(message, finding.Message);
    }

    [Fact]
    public void Missing_addressType_is_reported_at_the_kind()
    {
        var text = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e}\nendpoints: []\n";
        Assert.Equal(["DS2040 2:1 addressType"], ManifestTestHelper.Lint(text).Describe("DS2040"));
    }

    [Fact]
    public void An_endpoint_needs_at_least_one_address_and_at_most_100()
    {
        var many = string.Join(", ", Enumerable.Range(1, 101).Select(i => $"10.0.{i / 256}.{(i % 250) + 1}"));
        var text = $"""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {"{name: e}"}
            addressType: IPv4
            endpoints:
            - addresses: []
            - conditions: {"{ready: true}"}
            - addresses: [{many}]
            """;
        var findings = ManifestTestHelper.Lint(text).Where(f => f.RuleId == "DS2040").ToList();
        Assert.Equal(["DS2040 6:3 endpoints[0].addresses", "DS2040 7:3 endpoints[1].addresses", "DS2040 8:3 endpoints[2].addresses"], findings.Describe());
        Assert.Equal("Required value: must contain at least 1 address", findings[0].Message);
        Assert.Equal("Too many: 101: must have at most 100 items", findings[2].Message);
    }

    [Fact]
    public void Endpoints_addresses_pass_the_EndpointIP_filter_and_must_parse()
    {
        var text = """
            apiVersion: v1
            kind: Endpoints
            metadata: {name: web}
            subsets:
            - addresses:
              - ip: 10.0.0.1
              - ip: 127.0.0.1
              notReadyAddresses:
              - ip: 10.0.0
              - hostname: no-ip
            """;
        var findings = ManifestTestHelper.Lint(text).Where(f => f.RuleId == "DS2040").ToList();
        Assert.Equal(
            ["DS2040 7:9 subsets[0].addresses[1].ip", "DS2040 9:9 subsets[0].notReadyAddresses[0].ip", "DS2040 10:5 subsets[0].notReadyAddresses[1].ip"],
            findings.Describe());
        Assert.Equal("Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)", findings[0].Message);
        Assert.Equal("Invalid value: \"\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", findings[2].Message);
    }

    [Fact]
    public void Endpoints_with_IPv4_and_IPv6_addresses_are_fine()
    {
        var text = "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets:\n- addresses: [{ip: 10.0.0.1}, {ip: \"fd00::1\"}]\n";
        Assert.Empty(ManifestTestHelper.Lint(text).Describe("DS2040"));
    }

    [Fact]
    public void Odd_yaml_does_not_crash()
    {
        var text = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e}\naddressType: [IPv4]\nendpoints: {a: 1}\n---\napiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets: [[1], {addresses: [7, {ip: [1]}]}]\n";
        Assert.Empty(ManifestTestHelper.Lint(text).Describe("DS0002"));
    }

    [Fact]
    public void From_1_36_a_strict_failure_is_left_to_DS2050_and_nothing_more_is_checked()
    {
        var text = Slice("IPv4", "\"::ffff:127.0.0.1\"");
        var v136 = ManifestTestHelper.Lint(text, new LintOptions { KubernetesVersion = new KubernetesVersion(1, 36) });
        Assert.Empty(v136.Describe("DS2040"));
        Assert.Equal(["DS2050 6:15 endpoints[0].addresses[0]"], v136.Describe("DS2050"));
        var v135 = ManifestTestHelper.Lint(text, new LintOptions { KubernetesVersion = new KubernetesVersion(1, 35) });
        var finding = Assert.Single(v135, f => f.RuleId == "DS2040");
        Assert.EndsWith("may not be in the loopback range (127.0.0.0/8, ::1/128)", finding.Message);
    }

    [Fact]
    public void An_Endpoints_subset_needs_addresses_or_notReadyAddresses()
    {
        var text = "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets:\n- ports: [{port: 80}]\n- notReadyAddresses: [{ip: 10.0.0.1}]\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 5:3 subsets[0]", new[] { finding }.Describe().Single());
        Assert.Equal("Required value: must specify `addresses` or `notReadyAddresses`", finding.Message);
    }

    [Theory]
    [InlineData("db", "db", "should be a domain with at least two segments separated by dots")]
    [InlineData("Db.example.com", "Db.example.com", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("db..example.com", "db..example.com", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("db.example.com..", "db.example.com.", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    public void FQDN_slice_addresses_must_be_fully_qualified_domain_names(string address, string printed, string detail)
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("FQDN", address)), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:15 endpoints[0].addresses[0]", new[] { finding }.Describe().Single());
        Assert.Equal($"Invalid value: \"{printed}\": {detail}", finding.Message);
    }

    [Fact]
    public void FQDN_label_longer_than_63_is_reported_with_the_label()
    {
        var label = new string('a', 64);
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("FQDN", $"{label}.example.com")), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:15 endpoints[0].addresses[0]", new[] { finding }.Describe().Single());
        Assert.Equal($"Invalid value: \"{label}\": must be no more than 63 characters", finding.Message);
    }

    [Fact]
    public void FQDN_longer_than_253_is_reported()
    {
        var name = string.Join(".", Enumerable.Repeat(new string('a', 63), 4));
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("FQDN", name)), f => f.RuleId == "DS2040");
        Assert.Equal($"Invalid value: \"{name}\": must be no more than 253 characters", finding.Message);
    }

    [Fact]
    public void Empty_FQDN_address_is_required()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Slice("FQDN", "\"\"")), f => f.RuleId == "DS2040");
        Assert.Equal("DS2040 6:15 endpoints[0].addresses[0]", new[] { finding }.Describe().Single());
        Assert.Equal("Required value", finding.Message);
    }

    [Fact]
    public void Valid_FQDNs_are_silent_including_a_trailing_dot_and_numeric_labels()
    {
        Assert.Empty(ManifestTestHelper.Lint(Slice("FQDN", "db.example.com, \"db.example.com.\", 10.0.0.1, a-b.c9")).Describe("DS2040"));
        var exactly253 = string.Join(".", Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);
        Assert.Equal(253, exactly253.Length);
        Assert.Empty(ManifestTestHelper.Lint(Slice("FQDN", exactly253)).Describe("DS2040"));
    }

    private static string LimitsSlice(int ports, int zones, int topology) => $"""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {"{name: e}"}
        addressType: IPv4
        ports: [{string.Join(", ", Enumerable.Range(0, ports).Select(i => $"{{name: p{i}, port: {i + 1}, protocol: TCP}}"))}]
        endpoints:
        - addresses: [10.0.0.1]
          hints:
            forZones: [{string.Join(", ", Enumerable.Range(0, zones).Select(i => $"{{name: zone-{i}}}"))}]
          deprecatedTopology: {"{"}{string.Join(", ", Enumerable.Range(0, topology).Select(i => $"k{i}: v"))}{"}"}
        """;

    [Fact]
    public void Slice_limits_ports_zone_hints_and_topology_labels()
    {
        var findings = ManifestTestHelper.Lint(LimitsSlice(20001, 9, 17)).Where(f => f.RuleId == "DS2040").ToList();
        Assert.Equal(["DS2040 5:1 ports", "DS2040 9:5 endpoints[0].hints.forZones", "DS2040 10:3 endpoints[0].deprecatedTopology"], findings.Describe());
        Assert.Equal("Too many: 20001: must have at most 20000 items", findings[0].Message);
        Assert.Equal("Too many: 9: must have at most 8 items", findings[1].Message);
        Assert.Equal("Too many: 17: must have at most 16 items", findings[2].Message);
    }

    [Fact]
    public void Slice_limits_at_the_maximum_are_silent()
    {
        Assert.Empty(ManifestTestHelper.Lint(LimitsSlice(20000, 8, 16)).Describe("DS2040"));
    }
}
