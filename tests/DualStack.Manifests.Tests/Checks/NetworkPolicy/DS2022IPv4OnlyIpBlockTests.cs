using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.NetworkPolicy;

public sealed class DS2022IPv4OnlyIpBlockTests
{
    private static readonly LintOptions DualStack = new() { IpFamilies = IpFamilies.DualStackIPv4Primary };
    private static readonly LintOptions IPv6Only = new() { IpFamilies = IpFamilies.IPv6Only };
    private static readonly LintOptions IPv4Only = new() { IpFamilies = IpFamilies.IPv4Only };

    private const string AllowAllIPv4Egress = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: egress}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
          - to:
            - ipBlock:
                cidr: 0.0.0.0/0
                except: [169.254.169.254/32]
        """;

    [Fact]
    public void Allow_all_IPv4_without_IPv6_on_a_dual_stack_target_names_the_IPv6_counterpart()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(AllowAllIPv4Egress, DualStack), f => f.RuleId == "DS2022");
        Assert.Equal("DS2022 10:15 spec.egress[0].to[0].ipBlock.cidr", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(
            "ipBlock \"0.0.0.0/0\" is IPv4 and spec.egress[0].to has no IPv6 ipBlock, "
            + "so IPv6 traffic to these hosts is not allowed on the dual-stack target. Add a peer with ipBlock cidr \"::/0\"",
            finding.Message);
    }

    [Fact]
    public void On_an_IPv6_only_target_the_IPv4_block_matches_nothing()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(AllowAllIPv4Egress, IPv6Only), f => f.RuleId == "DS2022");
        Assert.Contains("matches no traffic at all on the IPv6-only target", finding.Message);
    }

    [Fact]
    public void IPv4_only_target_is_silent()
    {
        Assert.Empty(ManifestTestHelper.Lint(AllowAllIPv4Egress, IPv4Only).Describe("DS2022"));
    }

    [Fact]
    public void An_IPv6_block_in_the_same_peer_list_silences_the_rule()
    {
        var text = AllowAllIPv4Egress + "\n    - ipBlock: {cidr: \"::/0\"}\n";
        Assert.Empty(ManifestTestHelper.Lint(text, DualStack).Describe("DS2022"));
    }

    [Fact]
    public void An_IPv6_block_in_another_rule_does_not_count()
    {
        var text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: ingress}
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock: {cidr: 10.0.0.0/8}
                - ipBlock: {cidr: 192.168.0.0/16}
              - from:
                - ipBlock: {cidr: "fd00::/8"}
            """;
        var findings = ManifestTestHelper.Lint(text, DualStack);
        Assert.Equal(
            ["DS2022 8:23 spec.ingress[0].from[0].ipBlock.cidr", "DS2022 9:23 spec.ingress[0].from[1].ipBlock.cidr"],
            findings.Describe("DS2022"));
        Assert.Contains("so IPv6 traffic from these hosts is not allowed", findings[0].Message);
        Assert.Contains("Add an ipBlock peer with the IPv6 range of the same hosts", findings[0].Message);
    }

    [Fact]
    public void IPv6_only_blocks_on_an_IPv4_only_target_are_silent()
    {
        var text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: v6}
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock: {cidr: "::/0"}
            """;
        Assert.Empty(ManifestTestHelper.Lint(text, IPv4Only).Describe("DS2022"));
        Assert.Empty(ManifestTestHelper.Lint(text, DualStack).Describe("DS2022"));
    }

    [Fact]
    public void Selector_only_peers_and_invalid_blocks_are_silent()
    {
        var text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: sel}
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector: {}
                - ipBlock: {cidr: not-a-cidr}
            """;
        Assert.Empty(ManifestTestHelper.Lint(text, DualStack).Describe("DS2022"));
    }
}
