using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.NetworkPolicy;

public sealed class DS2020DS2021IpBlockTests
{
    private static string Policy(string peers) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: np
          namespace: prod
        spec:
          podSelector: {"{}"}
          ingress:
          - from:
        {peers}
        """;

    [Fact]
    public void Empty_cidr_is_required()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        cidr: \"\""));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2020");
        Assert.Equal("DS2020 11:15 spec.ingress[0].from[0].ipBlock.cidr", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("NetworkPolicy/prod/np", finding.Object);
        Assert.StartsWith("Required value", finding.Message);
    }

    [Fact]
    public void Missing_cidr_is_reported_at_the_ipBlock_key()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        except: [10.0.0.0/8]"));
        Assert.Equal(["DS2020 10:7 spec.ingress[0].from[0].ipBlock.cidr"], findings.Describe("DS2020"));
        Assert.Empty(findings.Describe("DS2021"));
    }

    [Fact]
    public void Unparseable_cidr_is_invalid_and_its_excepts_are_not_checked()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        cidr: 10.0.0.0/33\n        except: [192.168.0.0/16]"));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2020");
        Assert.Equal("DS2020 11:15 spec.ingress[0].from[0].ipBlock.cidr", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", finding.Message);
        Assert.Empty(findings.Describe("DS2021"));
    }

    [Fact]
    public void Unparseable_except_is_invalid()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [10.0.0.0, 10.1.0.0/16]"));
        Assert.Equal(["DS2020 12:18 spec.ingress[0].from[0].ipBlock.except[0]"], findings.Describe("DS2020"));
        Assert.Empty(findings.Describe("DS2021"));
    }

    [Theory]
    [InlineData("podSelector: {}", 12)]
    [InlineData("namespaceSelector: {matchLabels: {team: a}}", 12)]
    public void IpBlock_with_a_selector_is_forbidden(string selector, int line)
    {
        var findings = ManifestTestHelper.Lint(Policy($"    - ipBlock:\n        cidr: 10.0.0.0/8\n      {selector}"));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2020");
        Assert.Equal($"DS2020 {line}:7 spec.ingress[0].from[0]", new[] { finding }.Describe().Single());
        Assert.StartsWith("Forbidden: may not specify both ipBlock and another peer", finding.Message);
    }

    [Fact]
    public void Selectors_in_peers_of_their_own_and_null_selectors_are_fine()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        cidr: 10.0.0.0/8\n      podSelector: null\n    - podSelector: {}\n    - namespaceSelector: {}"));
        Assert.Empty(findings.Describe("DS2020"));
    }

    [Fact]
    public void Egress_peers_are_checked_with_their_own_path()
    {
        var text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np}
            spec:
              podSelector: {}
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              - to:
                - ipBlock: {cidr: ""}
            """;
        Assert.Equal(["DS2020 9:23 spec.egress[1].to[0].ipBlock.cidr"], ManifestTestHelper.Lint(text).Describe("DS2020"));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "172.16.0.0/12", "lies outside cidr \"10.0.0.0/8\"")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", "is the whole of cidr")]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", "is wider than cidr")]
    [InlineData("0.0.0.0/0", "fd00::/8", "\"fd00::/8\" is IPv6 but cidr \"0.0.0.0/0\" is IPv4")]
    [InlineData("::/0", "10.0.0.0/8", "\"10.0.0.0/8\" is IPv4 but cidr \"::/0\" is IPv6")]
    public void Except_that_is_not_a_strict_subset_is_DS2021(string cidr, string except, string explanation)
    {
        var findings = ManifestTestHelper.Lint(Policy($"    - ipBlock:\n        cidr: \"{cidr}\"\n        except:\n        - 192.168.0.0/16\n        - \"{except}\""));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2021" && f.Line == 14);
        Assert.Equal("DS2021 14:11 spec.ingress[0].from[0].ipBlock.except[1]", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.StartsWith($"Invalid value: \"{except}\": must be a strict subset of `cidr`", finding.Message);
        Assert.Contains(explanation, finding.Message);
        Assert.Empty(findings.Describe("DS2020"));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16")]
    [InlineData("0.0.0.0/0", "10.0.0.0/8")]
    [InlineData("::/0", "fd00::/8")]
    [InlineData("10.1.2.3/8", "10.255.0.0/16")]
    [InlineData("10.0.0.0/8", "::ffff:10.1.0.0/112")]
    public void Except_inside_cidr_is_silent(string cidr, string except)
    {
        var findings = ManifestTestHelper.Lint(Policy($"    - ipBlock:\n        cidr: \"{cidr}\"\n        except: [\"{except}\"]"));
        Assert.Empty(findings.Describe("DS2021"));
        Assert.Empty(findings.Describe("DS2020"));
    }

    [Fact]
    public void Mixed_notation_is_compared_as_written_like_the_API_server()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock:\n        cidr: \"::ffff:10.0.0.0/104\"\n        except: [10.1.0.0/16]"));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2021");
        Assert.Contains("compares the prefix lengths as written (/104 and /16)", finding.Message);
    }

    [Fact]
    public void Odd_yaml_does_not_crash()
    {
        var findings = ManifestTestHelper.Lint(Policy("    - ipBlock: [1]\n    - ipBlock:\n        cidr: [10.0.0.0/8]\n    - 7\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: {a: b}"));
        Assert.Empty(findings.Describe("DS2020"));
        Assert.Empty(findings.Describe("DS2021"));
        Assert.Empty(findings.Describe("DS0002"));
    }

    [Fact]
    public void Other_kinds_and_groups_are_ignored()
    {
        var text = "apiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  ingress:\n  - from:\n    - ipBlock: {cidr: \"\"}\n";
        Assert.Empty(ManifestTestHelper.Lint(text).Describe("DS2020"));
    }

    [Fact]
    public void Families_may_differ_between_peers_and_excepts_are_unlimited()
    {
        var excepts = string.Join(", ", Enumerable.Range(0, 50).Select(i => $"10.{i}.0.0/16"));
        var findings = ManifestTestHelper.Lint(Policy($"    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [{excepts}]\n    - ipBlock:\n        cidr: \"fd00::/8\""));
        Assert.Empty(findings.Describe("DS2020"));
        Assert.Empty(findings.Describe("DS2021"));
    }
}
